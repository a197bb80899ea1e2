resource "aws_s3_bucket" "b" {
  bucket = "acme-b"

  dynamic "cors_rule" {
    for_each = var.cors_rules
    content {
      allowed_methods = cors_rule.value.methods
      allowed_origins = cors_rule.value.origins
    }
  }
}
