terraform {
  # backend "s3" commented out by tffix (TFX103): it used values Terraform
  # cannot use there (variables, functions) or placeholders, so state is
  # local until it is restored. To restore it, uncomment the block, delete
  # the bucket and dynamodb_table arguments from it, and run:
  #   terraform init -backend-config="bucket=VALUE" -backend-config="dynamodb_table=VALUE"
  # backend "s3" {
  #   bucket               = "terraform-state-bucket-REPLACE_ME"
  #   key                  = "region-migration/terraform.tfstate"
  #   region               = "us-west-2"
  #   encrypt              = true
  #   dynamodb_table       = "terraform-state-lock-REPLACE_ME"
  #   workspace_key_prefix = "workspaces"
  # }
}
