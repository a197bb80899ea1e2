resource "aws_iam_role_policy" "s3" {
  policy = data.aws_iam_policy_document.s3.json
}
