resource "aws_s3_bucket" "b" {
  bucket = "acme-b"

  versioning {
    enabled    = var.versioning
    mfa_delete = true
  }
}
