resource "aws_s3_bucket_policy" "b" {
  bucket = "acme-b"
  policy = data.aws_iam_policy_document.b.json
}

module "bucket" {
  source = "./bucket"
  acl    = "private"
}
