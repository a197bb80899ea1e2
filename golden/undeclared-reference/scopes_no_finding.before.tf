terraform {
  required_providers {
    aws = {
      source                = "hashicorp/aws"
      configuration_aliases = [aws.west]
    }
  }
}

locals {
  names = ["a", "b"]
}

resource "aws_iam_user" "u" {
  for_each = toset(local.names)
  provider = aws.west
  name     = "${each.key}-${terraform.workspace}"
  tags     = { for k, v in { team = "core" } : k => v }

  lifecycle {
    ignore_changes = [tags]
  }
}

ephemeral "aws_secretsmanager_secret_version" "db" {
  provider  = aws.west
  secret_id = "db"
}

check "site" {
  data "http" "home" {
    url = "https://example.com"
  }

  assert {
    condition     = data.http.home.status_code == 200
    error_message = "down: ${aws_iam_user.u["a"].name}"
  }
}

output "password" {
  value     = ephemeral.aws_secretsmanager_secret_version.db.secret_string
  ephemeral = true
}
