resource "aws_s3_bucket" "b" {
  bucket = "acme-b"

  # TODO(tffix:aws-s3-bucket-v4): move this dynamic block to aws_s3_bucket_versioning by hand (provider v4 has no such block here)
  dynamic "versioning" {
    for_each = var.versioning ? [1] : []
    content {
      enabled = true
    }
  }
}

resource "aws_s3_bucket_acl" "b" {
  bucket = aws_s3_bucket.b.id
  acl    = "private"
}
