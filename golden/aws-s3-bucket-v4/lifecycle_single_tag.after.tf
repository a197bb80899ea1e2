resource "aws_s3_bucket" "b" {
  bucket = "acme-b"
}

resource "aws_s3_bucket_lifecycle_configuration" "b" {
  bucket = aws_s3_bucket.b.id

  rule {
    id     = "by-tag"
    status = "Enabled"

    filter {
      tag {
        key   = "autoclean"
        value = "true"
      }
    }

    expiration {
      days = 7
    }
  }
}
