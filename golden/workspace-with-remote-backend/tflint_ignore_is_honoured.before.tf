terraform {
  required_version = ">= 0.12, < 2.0"
  backend "remote" {}
}

locals {
  # tflint-ignore: terraform_workspace_remote
  env = terraform.workspace
}
