provider "aws" {
  region = "eu-west-1"
}

resource "aws_s3_bucket" "b" {
  bucket = "acme-b"
  acl    = "private"

  versioning {
    enabled = true
  }
}
