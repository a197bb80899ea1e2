resource "aws_s3_bucket" "b" {
  bucket = "acme-b"
}

resource "aws_s3_bucket_lifecycle_configuration" "b" {
  bucket = aws_s3_bucket.b.id

  rule {
    id     = "tmp"
    status = "Enabled"
    filter {
      prefix = "tmp/"
    }

    expiration {
      days = 7
    }
  }
}
