provider "aws" {}

resource "aws_s3_bucket" "b" {
  count  = 2
  bucket = "acme-${count.index}"
}

resource "aws_s3_bucket_acl" "b" {
  count = 2

  bucket = aws_s3_bucket.b[count.index].id
  acl    = "private"
}
