terraform {
  required_version = ">= 1.0"

  backend "remote" {
    organization = "acme"
  }
}

resource "aws_instance" "a" {
  tags = {
    workspace = terraform.workspace
  }
}
