terraform {
  backend "s3" {
    key                  = "region-migration/terraform.tfstate"
    region               = "us-west-2"
    encrypt              = true
    workspace_key_prefix = "workspaces"
  }
}
