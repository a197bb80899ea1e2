terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region  = "eu-west-1"
  version = "~> 5.0"
}

resource "aws_s3_bucket" "logs" {}
