resource "aws_s3_bucket_lifecycle_configuration" "this" {
  bucket = aws_s3_bucket.this.id

  rule {
    id     = "expire"
    status = "Enabled"

    dynamic "filter" {
      for_each = var.prefix == null ? [] : [var.prefix]
      content {
        prefix = filter.value
      }
    }

    expiration {
      days = 30
    }
  }
}
