resource "aws_s3_bucket" "a" {}

resource "aws_s3_bucket_acl" "a" {
  bucket = aws_s3_bucket.a.id
  acl    = "private"
}

resource "aws_s3_bucket" "b" {
  bucket = "acme-b"
}

resource "aws_s3_bucket_versioning" "b" {
  bucket = aws_s3_bucket.b.id

  versioning_configuration {
    # TODO(tffix:aws-s3-bucket-v4): "Suspended" is right only if versioning was ever enabled on this bucket; otherwise use "Disabled"
    status = "Suspended"
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "b" {
  bucket = aws_s3_bucket.b.id

  rule {
    # TODO(tffix:aws-s3-bucket-v4): v3 generated this rule's id: use the one the bucket has (terraform state show), or the plan replaces the rule
    id     = "rule-1"
    status = "Enabled"
    # TODO(tffix:aws-s3-bucket-v4): the v3 rule had no prefix or tags; an empty filter applies it to every object, but the provider may plan a change from v3's empty prefix: then use filter { prefix = "" }
    filter {}
  }
}
