resource "aws_s3_bucket" "b" {
  bucket = "acme-b"

  dynamic "lifecycle_rule" {
    for_each = var.prefixes
    iterator = p
    content {
      enabled = true
      prefix  = p.value
    }
  }
}
