resource "aws_s3_bucket" "b" {
  bucket = "acme-b"
  acl    = var.public ? "public-read" : "private"
}
