data "aws_iam_policy_document" "logs" {
  statement {
    effect  = "Allow"
    actions = ["logs:PutLogEvents"]
    resources = [
      "${aws_cloudwatch_log_group.app.arn}:*",
      "*",
    ]
  }
}
