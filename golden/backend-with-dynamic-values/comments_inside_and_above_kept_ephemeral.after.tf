terraform {
  required_version = ">= 1.5.0"

  # Remote state, one bucket per environment.
  # Created by the bootstrap stack.
  # backend "s3" commented out by tffix (TFX103): it used values Terraform
  # cannot use there (variables, functions) or placeholders, so state is
  # local until it is restored. To restore it, uncomment the block, delete
  # the bucket argument from it, and run:
  #   terraform init -backend-config="bucket=VALUE"
  # backend "s3" {
  #   # The bucket name carries the environment suffix.
  #   bucket = "tf-state-${var.env}" # one per env
  #   key    = "app/terraform.tfstate"
  #
  #   /* locking */
  #   dynamodb_table = "tf-locks"
  #   region         = "eu-west-1" // Ireland
  # }
}
