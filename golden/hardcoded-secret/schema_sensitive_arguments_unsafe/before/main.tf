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
  basic_auth_credentials = "YWRtaW46c3VwZXJzZWNyZXQ="

  auto_branch_creation_config {
    stage                  = "DEVELOPMENT"
    basic_auth_credentials = "ZGV2OmRldnNlY3JldDQy"
  }
}

resource "github_actions_secret" "deploy" {
  repository      = "site"
  secret_name     = "DEPLOY_KEY"
  plaintext_value = "ghs_8Yq2RkL0w3nPzT5v"
}

resource "kubernetes_secret" "app" {
  metadata {
    name = "app"
  }

  data = {
    username = "app"
    dsn      = "k8sDsnValue-7731"
  }
}
