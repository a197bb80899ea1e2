variable "db_password" {
  description = "DB_PASSWORD of aws_instance.app (a secret: pass it in, never commit it)."
  type        = string
  sensitive   = true
}

variable "admin_password" {
  description = "ADMIN_PASSWORD of google_compute_instance.vm (a secret: pass it in, never commit it)."
  type        = string
  sensitive   = true
}

variable "db_url_password" {
  description = "password of aws_ssm_parameter.db_url (a secret: pass it in, never commit it)."
  type        = string
  sensitive   = true
}
