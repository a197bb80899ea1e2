resource "aws_iam_role_policy" "bootstrap" {
  name = "bootstrap"
  role = aws_iam_role.app.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["logs:CreateLogGroup", "logs:DescribeLogStreams"]
      Resource = "*"
    }]
  })
}
