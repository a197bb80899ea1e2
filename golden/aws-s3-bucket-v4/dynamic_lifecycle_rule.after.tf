resource "aws_s3_bucket" "b" {
  bucket = "acme-b"
}

resource "aws_s3_bucket_lifecycle_configuration" "b" {
  bucket = aws_s3_bucket.b.id

  dynamic "rule" {
    for_each = var.lifecycle_rules
    iterator = lifecycle_rule
    content {
      id     = lifecycle_rule.value.id
      status = lifecycle_rule.value.enabled ? "Enabled" : "Disabled"
      filter {
        prefix = lifecycle_rule.value.prefix
      }

      expiration {
        days = lifecycle_rule.value.days
      }
    }
  }
}
