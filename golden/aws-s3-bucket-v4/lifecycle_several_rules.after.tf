resource "aws_s3_bucket" "b" {
  bucket = "acme-b"
}

resource "aws_s3_bucket_lifecycle_configuration" "b" {
  bucket = aws_s3_bucket.b.id

  rule {
    id     = "one"
    status = "Enabled"
    filter {
      prefix = "one/"
    }
  }

  rule {
    id     = "two"
    status = "Enabled"
    filter {
      prefix = "two/"
    }

    expiration {
      expired_object_delete_marker = true
    }
  }
}
