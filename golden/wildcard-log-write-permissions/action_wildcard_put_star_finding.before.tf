resource "aws_iam_role_policy" "logs" {
  name = "logs"
  role = aws_iam_role.app.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["logs:Create*", "logs:Put*"]
      Resource = "*"
    }]
  })
}
