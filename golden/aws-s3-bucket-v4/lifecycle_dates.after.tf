resource "aws_s3_bucket" "b" {
  bucket = "acme-b"
}

resource "aws_s3_bucket_lifecycle_configuration" "b" {
  bucket = aws_s3_bucket.b.id

  rule {
    id     = "dated"
    status = "Enabled"
    filter {
      prefix = ""
    }

    expiration {
      date = "2023-01-12T00:00:00Z"
    }

    transition {
      date          = "2022-12-01T00:00:00Z"
      storage_class = "GLACIER"
    }

    transition {
      # TODO(tffix:aws-s3-bucket-v4): v4 wants an RFC 3339 date (2023-01-31T00:00:00Z)
      date          = var.archive_date
      storage_class = "DEEP_ARCHIVE"
    }
  }
}
