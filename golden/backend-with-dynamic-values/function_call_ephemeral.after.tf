terraform {
  # backend "s3" commented out by tffix (TFX103): it used values Terraform
  # cannot use there (variables, functions) or placeholders, so state is
  # local until it is restored. To restore it, uncomment the block, delete
  # the key argument from it, and run:
  #   terraform init -backend-config="key=VALUE"
  # backend "s3" {
  #   bucket = "acme-terraform-state"
  #   key    = format("%s/terraform.tfstate", "payments")
  #   region = "us-east-1"
  # }
}
