module "lambda" {
  source   = "./modules/lambda"
  role     = aws_iam_role.lambda
  role_arn = aws_iam_role.lambda
}

locals {
  role     = aws_iam_role.lambda
  role_arn = aws_iam_role.lambda
}

output "role_arn" {
  value = aws_iam_role.lambda
}

resource "aws_iam_role_policy" "s3" {
  role       = aws_iam_role.lambda.name
  policy     = data.aws_iam_policy_document.s3.json
  depends_on = [aws_iam_role.lambda]
}
