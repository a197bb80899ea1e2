resource "aws_s3_bucket" "b" {
  bucket = "acme-b"
}

resource "aws_s3_bucket_lifecycle_configuration" "b" {
  bucket = aws_s3_bucket.b.id

  rule {
    id     = "tiers"
    status = "Enabled"
    filter {
      prefix = "data/"
    }

    dynamic "noncurrent_version_transition" {
      for_each = var.tiers
      content {
        noncurrent_days = noncurrent_version_transition.value.days
        storage_class   = noncurrent_version_transition.value.class
      }
    }
  }
}
