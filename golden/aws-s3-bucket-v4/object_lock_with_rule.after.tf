resource "aws_s3_bucket" "b" {
  bucket = "acme-b"

  object_lock_enabled = true
}

resource "aws_s3_bucket_object_lock_configuration" "b" {
  bucket = aws_s3_bucket.b.id

  rule {
    default_retention {
      mode = "COMPLIANCE"
      days = 5
    }
  }
}
