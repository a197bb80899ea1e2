resource "aws_s3_bucket_lifecycle_configuration" "data" {
  bucket = aws_s3_bucket.data.id

  rule {
    id = "tmp"
    filter {
      prefix = "tmp/"
    }
    status = "Enabled"

    expiration {
      days = 1
    }
  }

  rule {
    id     = "archive"
    status = "Enabled"

    filter {
      prefix = "archive/"
    }

    transition {
      days          = 30
      storage_class = "GLACIER"
    }
  }
}
