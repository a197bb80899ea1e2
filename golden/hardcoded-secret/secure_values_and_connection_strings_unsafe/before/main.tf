resource "aws_ssm_parameter" "db" {
  name  = "/db/pw"
  type  = "SecureString"
  value = "ssm-Secret-883"
}

resource "aws_ssm_parameter" "plain" {
  name  = "/db/host"
  type  = "String"
  value = "db.internal.example"
}

resource "azurerm_key_vault_secret" "s" {
  name         = "x"
  value        = "kv-Secret-2231"
  key_vault_id = "y"
}

variable "database" {
  type = object({ username = string, password = string })
  default = {
    username = "admin"
    password = "obj-Default-Pw1"
  }
}

resource "azurerm_linux_function_app" "f" {
  app_settings = {
    DB_CONN = "Server=tcp:x.database.windows.net,1433;Database=app;User ID=app;Password=conn-Str-Pw7;Encrypt=true"
  }
}

provider "datadog" {
  api_key = "dd0123456789abcdef0123456789abcd"
  app_key = "ddapp0123456789abcdef0123456789abcdef01"
}

resource "aws_rds_cluster" "v1" {
  engine_mode     = "serverless"
  master_password = "v1-Serverless-Pw"
}
