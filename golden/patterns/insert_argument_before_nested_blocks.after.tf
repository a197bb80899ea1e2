resource "aws_s3_bucket" "logs" {
  bucket        = "acme-logs" # shared
  acl           = "log-delivery-write"
  force_destroy = false

  versioning {
    enabled = true
  }

  tags = {
    Team = "platform"
  }
}

resource "aws_s3_bucket" "keep" {
  bucket        = "acme-keep"
  force_destroy = true
}
