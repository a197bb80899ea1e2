resource "aws_s3_bucket" "b" {
  bucket = "acme-b"

  dynamic "lifecycle_rule" {
    for_each = var.lifecycle_rules
    content {
      id      = lifecycle_rule.value.id
      enabled = lifecycle_rule.value.enabled
      prefix  = lifecycle_rule.value.prefix

      expiration {
        days = lifecycle_rule.value.days
      }
    }
  }
}
