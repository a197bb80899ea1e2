terraform {
  backend "s3" {
    bucket               = "terraform-state-multi-env" # Hardcoded - will fail if doesn't exist
    key                  = "infrastructure/terraform.tfstate"
    region               = "us-east-1"
    dynamodb_table       = "terraform-state-lock" # Hardcoded
    encrypt              = true
    workspace_key_prefix = "workspaces"
  }
}
