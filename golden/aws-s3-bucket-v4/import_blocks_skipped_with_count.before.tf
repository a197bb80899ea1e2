provider "aws" {}

resource "aws_s3_bucket" "b" {
  count  = 2
  bucket = "acme-${count.index}"
  acl    = "private"
}
