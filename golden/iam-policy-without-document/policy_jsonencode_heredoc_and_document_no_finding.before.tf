data "aws_iam_policy_document" "s3_read" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::assets/*"]
  }
}

resource "aws_iam_role_policy" "s3_read" {
  name   = "s3-read"
  role   = aws_iam_role.lambda.name
  policy = data.aws_iam_policy_document.s3_read.json
}

resource "aws_iam_policy" "logs" {
  name = "logs"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
      Resource = "*"
    }]
  })
}

resource "aws_iam_user_policy" "ci" {
  name   = "ci"
  user   = aws_iam_user.ci.name
  policy = <<EOT
{
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"}]
}
EOT
}

resource "aws_iam_group_policy" "ops" {
  name   = "ops"
  group  = aws_iam_group.ops.name
  policy = file("${path.module}/policies/ops.json")
}
