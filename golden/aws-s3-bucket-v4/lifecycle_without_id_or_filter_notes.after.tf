resource "aws_s3_bucket" "b" {
  bucket = "acme-b"
}

resource "aws_s3_bucket_lifecycle_configuration" "b" {
  bucket = aws_s3_bucket.b.id

  rule {
    # TODO(tffix:aws-s3-bucket-v4): v3 generated this rule's id: use the one the bucket has (terraform state show), or the plan replaces the rule
    id     = "rule-1"
    status = "Disabled"
    # TODO(tffix:aws-s3-bucket-v4): the v3 rule had no prefix or tags; an empty filter applies it to every object, but the provider may plan a change from v3's empty prefix: then use filter { prefix = "" }
    filter {}

    abort_incomplete_multipart_upload {
      days_after_initiation = 3
    }
  }
}
