resource "aws_s3_bucket" "b" {
  count  = var.create ? 1 : 0
  bucket = "acme-b-${count.index}"
}

resource "aws_s3_bucket_acl" "b" {
  count = var.create ? 1 : 0

  bucket = aws_s3_bucket.b[count.index].id
  acl    = "private"
}

resource "aws_s3_bucket_versioning" "b" {
  count = var.create ? 1 : 0

  bucket = aws_s3_bucket.b[count.index].id

  versioning_configuration {
    status = "Enabled"
  }
}
