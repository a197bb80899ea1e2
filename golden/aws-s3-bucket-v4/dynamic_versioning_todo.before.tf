resource "aws_s3_bucket" "b" {
  bucket = "acme-b"

  acl = "private"

  dynamic "versioning" {
    for_each = var.versioning ? [1] : []
    content {
      enabled = true
    }
  }
}
