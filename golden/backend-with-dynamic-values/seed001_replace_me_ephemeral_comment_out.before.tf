terraform {
  backend "s3" {
    bucket               = "terraform-state-bucket-REPLACE_ME"
    key                  = "region-migration/terraform.tfstate"
    region               = "us-west-2"
    encrypt              = true
    dynamodb_table       = "terraform-state-lock-REPLACE_ME"
    workspace_key_prefix = "workspaces"
  }
}
