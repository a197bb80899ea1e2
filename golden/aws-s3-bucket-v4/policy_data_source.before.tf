resource "aws_s3_bucket" "b" {
  bucket = "acme-b"
  policy = data.aws_iam_policy_document.b.json
}
