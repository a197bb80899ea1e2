terraform {
  required_version = ">= 1.1.0"

  backend "remote" {
    organization = "acme"
  }
}

locals {
  env = terraform.workspace
}
