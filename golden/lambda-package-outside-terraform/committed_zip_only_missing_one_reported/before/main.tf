resource "aws_lambda_function" "committed" {
  function_name    = "committed"
  role             = aws_iam_role.lambda.arn
  handler          = "index.handler"
  runtime          = "python3.11"
  filename         = "${path.module}/function.zip"
  source_code_hash = filebase64sha256("${path.module}/function.zip")
}

resource "aws_lambda_function" "built" {
  function_name    = "built"
  role             = aws_iam_role.lambda.arn
  handler          = "index.handler"
  runtime          = "python3.11"
  filename         = "${path.module}/built.zip"
  source_code_hash = filebase64sha256("${path.module}/built.zip")
}
