locals {
  state_bucket = "acme-terraform-state"
}

terraform {
  backend "s3" {
    bucket = local.state_bucket
    key    = "app/terraform.tfstate"
    region = "us-east-1"
  }
}
