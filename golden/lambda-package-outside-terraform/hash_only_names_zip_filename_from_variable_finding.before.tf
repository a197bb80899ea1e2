resource "aws_lambda_function" "api" {
  function_name    = "api"
  role             = aws_iam_role.lambda.arn
  handler          = "main.handler"
  runtime          = "python3.12"
  filename         = var.package_path
  source_code_hash = filebase64sha256("${path.module}/api.zip")
}
