terraform {
  backend "remote" {
    organization = "acme"
  }
}

locals {
  env = terraform.workspace
}
