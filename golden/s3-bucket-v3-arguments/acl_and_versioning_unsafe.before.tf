resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs" # one per account
  acl    = "log-delivery-write"

  versioning {
    enabled = true
  }

  tags = {
    Team = "platform"
  }
}
