resource "aws_s3_bucket" "b" {
  bucket = "acme-b"

  object_lock_enabled = true
}
