resource "aws_s3_bucket" "b" {
  bucket = "acme-b"

  dynamic "grant" {
    for_each = var.grants
    content {
      type        = grant.value.type
      permissions = grant.value.permissions
      uri         = grant.value.uri
    }
  }
}
