variable "app_db_password" {
  description = "db_password of aws_ecs_task_definition.app (a secret: pass it in, never commit it)."
  type        = string
  sensitive   = true
}

variable "a_db_password" {
  description = "db_password of aws_instance.a (a secret: pass it in, never commit it)."
  type        = string
  sensitive   = true
}

variable "a_connection_password" {
  description = "password of aws_instance.a (a secret: pass it in, never commit it)."
  type        = string
  sensitive   = true
}

variable "x_api_token" {
  description = "API_TOKEN of kubernetes_deployment.x (a secret: pass it in, never commit it)."
  type        = string
  sensitive   = true
}

variable "config_password" {
  description = "password of locals (a secret: pass it in, never commit it)."
  type        = string
  sensitive   = true
}

variable "yaml_password" {
  description = "password of locals (a secret: pass it in, never commit it)."
  type        = string
  sensitive   = true
}

variable "db_admin_password" {
  description = "admin_password of helm_release.db (a secret: pass it in, never commit it)."
  type        = string
  sensitive   = true
}
