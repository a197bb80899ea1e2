terraform {
  # cloud block commented out by tffix (TFX103): it used values Terraform
  # cannot use there (variables, functions) or placeholders, so state is
  # local until it is restored. To restore it, uncomment the block, delete
  # the workspaces block from it, and run:
  #   TF_WORKSPACE=VALUE terraform init
  # cloud {
  #   organization = "acme"
  #
  #   workspaces {
  #     name = "app-${var.environment}"
  #   }
  # }
}
