resource "aws_s3_bucket_lifecycle_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    expiration {
      days = 30
    }

    id     = "expire"
    status = "Enabled"
    filter {}
  }
}
