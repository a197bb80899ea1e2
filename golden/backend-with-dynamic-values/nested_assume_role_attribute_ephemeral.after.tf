terraform {
  # backend "s3" commented out by tffix (TFX103): it used values Terraform
  # cannot use there (variables, functions) or placeholders, so state is
  # local until it is restored. To restore it, uncomment the block, delete
  # the assume_role argument from it, and run:
  #   terraform init -backend-config='assume_role={role_arn="VALUE", session_name="terraform"}'
  # backend "s3" {
  #   bucket = "acme-terraform-state"
  #   key    = "app/terraform.tfstate"
  #   region = "us-east-1"
  #
  #   assume_role = {
  #     role_arn     = var.state_role_arn
  #     session_name = "terraform"
  #   }
  # }
}
