resource "aws_lambda_function" "main" {
  function_name    = var.function_name
  role             = aws_iam_role.lambda.arn
  handler          = "index.handler"
  runtime          = "python3.11"
  filename         = "${path.module}/dist/${var.function_name}.zip"
  source_code_hash = filebase64sha256("${path.module}/dist/${var.function_name}.zip")
}
