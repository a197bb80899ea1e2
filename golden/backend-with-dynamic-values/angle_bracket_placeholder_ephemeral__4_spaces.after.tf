terraform {
    # backend "s3" commented out by tffix (TFX103): it used values Terraform
    # cannot use there (variables, functions) or placeholders, so state is
    # local until it is restored. To restore it, uncomment the block, delete
    # the bucket argument from it, and run:
    #   terraform init -backend-config="bucket=VALUE"
    # backend "s3" {
    #     bucket = "<bucket-name>"
    #     key    = "app/terraform.tfstate"
    #     region = "us-east-1"
    # }
}
