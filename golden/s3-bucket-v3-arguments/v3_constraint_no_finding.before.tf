terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 3.75"
    }
  }
}

resource "aws_s3_bucket" "old" {
  bucket = "acme-old"
  acl    = "private"
}
