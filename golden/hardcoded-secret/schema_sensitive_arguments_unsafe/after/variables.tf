variable "region" {
  type = string
}

variable "site_basic_auth_credentials" {
  description = "basic_auth_credentials of aws_amplify_app.site (a secret: pass it in, never commit it)."
  type        = string
  sensitive   = true
}

variable "site_auto_branch_creation_config_basic_auth_credentials" {
  description = "basic_auth_credentials of aws_amplify_app.site (a secret: pass it in, never commit it)."
  type        = string
  sensitive   = true
}

variable "deploy_plaintext_value" {
  description = "plaintext_value of github_actions_secret.deploy (a secret: pass it in, never commit it)."
  type        = string
  sensitive   = true
}

variable "app_dsn" {
  description = "dsn of kubernetes_secret.app (a secret: pass it in, never commit it)."
  type        = string
  sensitive   = true
}
