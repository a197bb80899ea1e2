resource "aws_s3_bucket" "b" {
  bucket = "acme-b"
  acl    = "private"

  lifecycle {
    prevent_destroy = true
  }
}
