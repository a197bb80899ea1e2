resource "aws_s3_bucket" "replica" {
  provider = aws.west
  bucket   = "acme-replica"
  acl      = "private"

  versioning {
    enabled = true
  }
}
