resource "aws_s3_bucket" "b" {
  bucket = "acme-b"
}

resource "aws_s3_bucket_versioning" "b" {
  bucket = aws_s3_bucket.b.id

  versioning_configuration {
    # TODO(tffix:aws-s3-bucket-v4): v3 had versioning off here; "Suspended" is right only if it was ever enabled on this bucket, otherwise use "Disabled"
    status     = "Suspended"
    mfa_delete = "Disabled"
  }
}
