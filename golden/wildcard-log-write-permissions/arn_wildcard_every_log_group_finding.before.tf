resource "aws_iam_role_policy" "flow_logs" {
  role = aws_iam_role.flow_logs.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
      Resource = "arn:aws:logs:*:*:*"
    }]
  })
}

data "aws_iam_policy_document" "writer" {
  statement {
    actions   = ["logs:PutLogEvents"]
    resources = ["arn:aws:logs:us-east-1:123456789012:log-group:*"]
  }
}
