resource "aws_s3_bucket" "archive" {
  bucket = "acme-archive"

  lifecycle_rule {
    id      = "expire"
    enabled = true
    prefix  = "tmp/"

    expiration {
      days = 30
    }
  }
}
