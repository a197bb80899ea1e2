data "aws_iam_policy_document" "writer" {
  statement {
    actions = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = [
      "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/app:*",
      "arn:aws:logs:*:*:log-group:/aws/lambda/app-*",
      "arn:aws:s3:::*",
    ]
  }
}
