variable "environment" {
  type    = string
  default = "dev"
}

resource "aws_lambda_function" "api" {
  function_name = "api-${var.environment}-handler"
  role          = aws_iam_role.app.arn
}

resource "aws_cloudwatch_log_group" "api" {
  name = "/aws/lambda/api-dev-to-prod-${var.environment}"
}
