terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
    github = {
      source = "integrations/github"
    }
    kubernetes = {
      source = "hashicorp/kubernetes"
    }
  }
}

resource "aws_amplify_app" "site" {
  name                   = "site"
  description            = "Marketing site"
  basic_auth_credentials = var.site_basic_auth_credentials

  auto_branch_creation_config {
    stage                  = "DEVELOPMENT"
    basic_auth_credentials = var.site_auto_branch_creation_config_basic_auth_credentials
  }
}

resource "github_actions_secret" "deploy" {
  repository      = "site"
  secret_name     = "DEPLOY_KEY"
  plaintext_value = var.deploy_plaintext_value
}

resource "kubernetes_secret" "app" {
  metadata {
    name = "app"
  }

  data = {
    username = "app"
    dsn      = var.app_dsn
  }
}
