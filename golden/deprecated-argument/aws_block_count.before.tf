resource "aws_s3_bucket" "b" {
  count  = 2
  bucket = "logs-${count.index}"
  acl    = "private"

  versioning {
    enabled = true
  }
}
