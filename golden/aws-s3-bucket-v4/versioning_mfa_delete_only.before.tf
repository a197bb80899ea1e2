resource "aws_s3_bucket" "b" {
  bucket = "acme-b"

  versioning {
    mfa_delete = false
  }
}
