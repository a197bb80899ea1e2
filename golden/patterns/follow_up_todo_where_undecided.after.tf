resource "aws_s3_bucket_acl" "a" {
  bucket = "a"
  acl    = "private"
}

# TODO(tffix:public-acl): check that var.acl is never public-read
resource "aws_s3_bucket_acl" "b" {
  bucket = "b"
  acl    = var.acl
}

resource "aws_s3_bucket_acl" "c" {
  bucket = "c"
  acl    = "private"
}
