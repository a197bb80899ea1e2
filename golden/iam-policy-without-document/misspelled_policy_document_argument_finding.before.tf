resource "aws_iam_role_policy" "s3" {
  name            = "s3"
  role            = aws_iam_role.lambda.name
  policy_document = data.aws_iam_policy_document.s3.json
}
