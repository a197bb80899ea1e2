resource "aws_s3_bucket" "b" {
  bucket = "acme-b"

  lifecycle_rule {
    enabled = false

    abort_incomplete_multipart_upload_days = 3
  }
}
