terraform {
  # backend "local" commented out by tffix (TFX103): it used values Terraform
  # cannot use there (variables, functions) or placeholders, so state is
  # local until it is restored. To restore it, uncomment the block, delete
  # the path argument from it, and run:
  #   terraform init -backend-config="path=VALUE"
  # backend "local" {
  #   path = "${path.module}/state/terraform.tfstate"
  # }
}
