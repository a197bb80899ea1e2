resource "random_password" "db" {
  length  = 32
  special = true
}

resource "aws_db_instance" "app" {
  engine   = "postgres"
  username = "app"
  password = random_password.db.result
}

resource "aws_rds_cluster" "main" {
  engine                      = "aurora-postgresql"
  master_username             = "admin"
  manage_master_user_password = true
}

resource "aws_secretsmanager_secret" "db" {
  name       = "prod/db"
  kms_key_id = aws_kms_key.db.arn
}

resource "aws_secretsmanager_secret_version" "db" {
  secret_id     = aws_secretsmanager_secret.db.id
  secret_string = jsonencode({ password = random_password.db.result })
}

resource "aws_efs_file_system" "shared" {
  creation_token = "shared-files"
}

resource "azurerm_key_vault_secret" "db" {
  name         = "db-password"
  value        = random_password.db.result
  key_vault_id = azurerm_key_vault.main.id
}

resource "google_secret_manager_secret_version" "api" {
  secret      = google_secret_manager_secret.api.id
  secret_data = var.api_key
}

module "db" {
  source          = "./modules/db"
  password        = "REPLACE_ME"
  password_length = 20
  secret_arn      = aws_secretsmanager_secret.db.arn
  token_url       = "https://login.example.net/oauth2/token"
  enable_token    = "true"
}

resource "aws_instance" "web" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"
  user_data     = <<-EOT
    #!/bin/bash
    DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id prod/db --query SecretString --output text)
    export API_TOKEN="${var.api_token}"
  EOT
}

variable "db_password" {
  type      = string
  sensitive = true
}

variable "example_token" {
  type    = string
  default = "<your-token>"
}
