terraform {
  # cloud block commented out by tffix (TFX103): it used values Terraform
  # cannot use there (variables, functions) or placeholders, so state is
  # local until it is restored. To restore it, uncomment the block, delete
  # the organization argument from it, and run:
  #   TF_CLOUD_ORGANIZATION=VALUE terraform init
  # cloud {
  #   organization = var.org
  #
  #   workspaces {
  #     name = "x"
  #   }
  # }
}
