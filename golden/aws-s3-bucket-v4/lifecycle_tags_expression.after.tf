resource "aws_s3_bucket" "b" {
  bucket = "acme-b"
}

resource "aws_s3_bucket_lifecycle_configuration" "b" {
  bucket = aws_s3_bucket.b.id

  rule {
    id     = "tagged"
    status = "Enabled"
    filter {
      and {
        tags = local.lifecycle_tags
      }
    }

    expiration {
      days = 90
    }
  }
}
