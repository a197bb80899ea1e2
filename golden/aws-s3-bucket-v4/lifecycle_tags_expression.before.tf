resource "aws_s3_bucket" "b" {
  bucket = "acme-b"

  lifecycle_rule {
    id      = "tagged"
    enabled = true
    tags    = local.lifecycle_tags

    expiration {
      days = 90
    }
  }
}
