data "aws_iam_policy_document" "read" {
  statement {
    actions = [
      "s3:ListBucket", # listing
      "s3:*",          # too broad
      "kms:Decrypt",
    ]
  }
}
