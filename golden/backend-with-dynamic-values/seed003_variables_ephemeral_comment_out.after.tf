terraform {
  required_version = ">= 1.5.0"

  # backend "s3" commented out by tffix (TFX103): it used values Terraform
  # cannot use there (variables, functions) or placeholders, so state is
  # local until it is restored. To restore it, uncomment the block, delete
  # the bucket and dynamodb_table arguments from it, and run:
  #   terraform init -backend-config="bucket=VALUE" -backend-config="dynamodb_table=VALUE"
  # backend "s3" {
  #   bucket         = "terraform-state-migration-${var.environment_suffix}"
  #   key            = "document-processing/terraform.tfstate"
  #   region         = "us-east-1"
  #   encrypt        = true
  #   dynamodb_table = "terraform-state-lock-${var.environment_suffix}"
  # }
}

variable "environment_suffix" {
  type = string
}
