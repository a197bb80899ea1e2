resource "aws_s3_bucket" "b" {
  bucket = "acme-b"

  lifecycle_rule {
    id      = "by-tag"
    enabled = true

    tags = {
      autoclean = "true"
    }

    expiration {
      days = 7
    }
  }
}
