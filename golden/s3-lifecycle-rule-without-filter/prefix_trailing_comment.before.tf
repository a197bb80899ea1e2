resource "aws_s3_bucket_lifecycle_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    id     = "logs"
    status = "Enabled"
    prefix = "logs/" # only the access logs

    expiration {
      days = 30
    }
  }
}
