resource "aws_s3_bucket" "a" { acl = "private" }

resource "aws_s3_bucket" "b" {
  bucket = "acme-b"
  lifecycle_rule { enabled = true }
  versioning { enabled = false }
}
