resource "aws_s3_bucket" "b" {
  bucket = "acme-b"

  lifecycle_rule {
    id      = "one"
    enabled = true
    prefix  = "one/"
  }

  lifecycle_rule {
    id      = "two"
    enabled = true
    prefix  = "two/"

    expiration {
      expired_object_delete_marker = true
    }
  }
}
