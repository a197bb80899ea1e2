terraform {
  required_version = "~> 0.13"

  backend "s3" {
    bucket = "state"
  }
}

locals {
  env = terraform.workspace
}
