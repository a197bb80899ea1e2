resource "aws_s3_bucket" "b" {
  bucket = "acme-b"

  # TODO(tffix:aws-s3-bucket-v4): move this dynamic block to aws_s3_bucket_acl by hand (provider v4 has no such block here)
  dynamic "grant" {
    for_each = var.grants
    content {
      type        = grant.value.type
      permissions = grant.value.permissions
      uri         = grant.value.uri
    }
  }
}
