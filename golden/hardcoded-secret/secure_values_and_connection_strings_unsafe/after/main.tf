resource "aws_ssm_parameter" "db" {
  name  = "/db/pw"
  type  = "SecureString"
  value = var.db_secret_value
}

resource "aws_ssm_parameter" "plain" {
  name  = "/db/host"
  type  = "String"
  value = "db.internal.example"
}

resource "azurerm_key_vault_secret" "s" {
  name         = "x"
  value        = var.s_secret_value
  key_vault_id = "y"
}

variable "database" {
  type      = object({ username = string, password = string })
  sensitive = true
}

resource "azurerm_linux_function_app" "f" {
  app_settings = {
    DB_CONN = "Server=tcp:x.database.windows.net,1433;Database=app;User ID=app;Password=${var.f_password};Encrypt=true"
  }
}

provider "datadog" {
  api_key = var.datadog_api_key
  app_key = var.datadog_app_key
}

resource "aws_rds_cluster" "v1" {
  engine_mode     = "serverless"
  master_password = var.v1_master_password
}

variable "db_secret_value" {
  description = "value of aws_ssm_parameter.db (a secret: pass it in, never commit it)."
  type        = string
  sensitive   = true
}

variable "s_secret_value" {
  description = "value of azurerm_key_vault_secret.s (a secret: pass it in, never commit it)."
  type        = string
  sensitive   = true
}

variable "f_password" {
  description = "password of azurerm_linux_function_app.f (a secret: pass it in, never commit it)."
  type        = string
  sensitive   = true
}

variable "datadog_api_key" {
  description = "api_key of provider.datadog (a secret: pass it in, never commit it)."
  type        = string
  sensitive   = true
}

variable "datadog_app_key" {
  description = "app_key of provider.datadog (a secret: pass it in, never commit it)."
  type        = string
  sensitive   = true
}

variable "v1_master_password" {
  description = "master_password of aws_rds_cluster.v1 (a secret: pass it in, never commit it)."
  type        = string
  sensitive   = true
}
