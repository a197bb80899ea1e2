resource "aws_s3_bucket" "b" {
  bucket              = "acme-b"
  object_lock_enabled = true
  force_destroy       = false
}

resource "aws_s3_bucket_object_lock_configuration" "b" {
  bucket = aws_s3_bucket.b.id

  rule {
    default_retention {
      mode = "GOVERNANCE"
      days = 1
    }
  }
}
