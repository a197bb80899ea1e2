resource "aws_s3_bucket" "b" {
  bucket = "acme-b"

  lifecycle_rule {
    id      = "old-versions"
    prefix  = "config/"
    enabled = var.cleanup

    noncurrent_version_transition {
      days          = 30
      storage_class = "STANDARD_IA"
    }

    noncurrent_version_expiration {
      days = 90
    }
  }
}
