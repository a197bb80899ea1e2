variable "app_db_password" {
  description = "db_password of aws_instance.app (a secret: pass it in, never commit it)."
  type        = string
  sensitive   = true
}

variable "vm_admin_password" {
  description = "admin_password of google_compute_instance.vm (a secret: pass it in, never commit it)."
  type        = string
  sensitive   = true
}

variable "db_url_password" {
  description = "password of aws_ssm_parameter.db_url (a secret: pass it in, never commit it)."
  type        = string
  sensitive   = true
}
