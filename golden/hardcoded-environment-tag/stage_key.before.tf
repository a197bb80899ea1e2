variable "stage" {
  type    = string
  default = "uat"
}

resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = aws_iam_role.lambda.arn
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "lambda.zip"

  tags = {
    Stage = "uat"
  }
}
