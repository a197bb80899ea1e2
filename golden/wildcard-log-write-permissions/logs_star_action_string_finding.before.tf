resource "aws_iam_policy" "logs_admin" {
  name = "logs-admin"

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "logs:*"
      Resource = "*"
    }]
  })
}
