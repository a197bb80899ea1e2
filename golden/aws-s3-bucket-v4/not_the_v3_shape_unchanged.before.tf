resource "aws_s3_bucket" "b" {
  bucket     = "acme-b"
  versioning = { enabled = true }
}

resource "aws_s3_bucket" "c" {
  bucket = "acme-c"
  acl {
    name = "private"
  }
}
