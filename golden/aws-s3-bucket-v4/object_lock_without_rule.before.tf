resource "aws_s3_bucket" "b" {
  bucket = "acme-b"

  object_lock_configuration {
    object_lock_enabled = "Enabled"
  }
}
