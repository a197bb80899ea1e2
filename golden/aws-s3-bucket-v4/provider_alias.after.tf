resource "aws_s3_bucket" "replica" {
  provider = aws.west
  bucket   = "acme-replica"
}

resource "aws_s3_bucket_acl" "replica" {
  provider = aws.west

  bucket = aws_s3_bucket.replica.id
  acl    = "private"
}

resource "aws_s3_bucket_versioning" "replica" {
  provider = aws.west

  bucket = aws_s3_bucket.replica.id

  versioning_configuration {
    status = "Enabled"
  }
}
