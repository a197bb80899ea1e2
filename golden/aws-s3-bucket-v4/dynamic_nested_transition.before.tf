resource "aws_s3_bucket" "b" {
  bucket = "acme-b"

  lifecycle_rule {
    id      = "tiers"
    enabled = true
    prefix  = "data/"

    dynamic "noncurrent_version_transition" {
      for_each = var.tiers
      content {
        days          = noncurrent_version_transition.value.days
        storage_class = noncurrent_version_transition.value.class
      }
    }
  }
}
