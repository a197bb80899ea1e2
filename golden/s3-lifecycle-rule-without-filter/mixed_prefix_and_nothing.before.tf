resource "aws_s3_bucket_lifecycle_configuration" "data" {
  bucket = aws_s3_bucket.data.id

  rule {
    id     = "tmp"
    prefix = "tmp/"
    status = "Enabled"

    expiration {
      days = 1
    }
  }

  rule {
    id     = "everything"
    status = "Enabled"

    noncurrent_version_expiration {
      noncurrent_days = 90
    }
  }
}
