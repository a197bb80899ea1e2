terraform {
  required_providers {
    aws = {
      source                = "hashicorp/aws"
      version               = ">= 5.0"
      configuration_aliases = [aws.west]
    }
  }
}

resource "aws_s3_bucket" "a" {
  provider = aws.west
}

resource "terraform_data" "marker" {}

data "terraform_remote_state" "net" {
  backend = "local"
}
