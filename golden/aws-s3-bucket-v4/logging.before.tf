resource "aws_s3_bucket" "b" {
  bucket = "acme-b"

  logging {
    target_bucket = aws_s3_bucket.log_bucket.id
    target_prefix = "log/"
  }
}
