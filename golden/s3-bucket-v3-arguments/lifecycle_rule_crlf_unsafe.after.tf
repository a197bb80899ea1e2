resource "aws_s3_bucket" "archive" {
  bucket = "acme-archive"
}

resource "aws_s3_bucket_lifecycle_configuration" "archive" {
  bucket = aws_s3_bucket.archive.id

  rule {
    id     = "expire"
    status = "Enabled"
    filter {
      prefix = "tmp/"
    }

    expiration {
      days = 30
    }
  }
}
