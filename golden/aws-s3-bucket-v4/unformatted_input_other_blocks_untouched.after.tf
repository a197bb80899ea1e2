resource "aws_s3_bucket" "b" {
  bucket="acme-b"
  tags = { Name="b" }
}

resource "aws_s3_bucket_acl" "b" {
  bucket = aws_s3_bucket.b.id
  acl    = "private"
}

locals {
  x=1
}
