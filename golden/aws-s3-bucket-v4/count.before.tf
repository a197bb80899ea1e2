resource "aws_s3_bucket" "b" {
  count  = var.create ? 1 : 0
  bucket = "acme-b-${count.index}"
  acl    = "private"

  versioning {
    enabled = true
  }
}
