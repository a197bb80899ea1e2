resource "aws_s3_bucket" "b" {
  bucket = "acme-b"
  acl    = "private"
}

resource "aws_s3_bucket_acl" "b" {
  bucket = "someone-elses"
  acl    = "private"
}
