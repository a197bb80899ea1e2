data "archive_file" "lambda" {
  type        = "zip"
  source_file = "${path.module}/lambda/index.py"
  output_path = "${path.module}/lambda/function.zip"
}

resource "aws_lambda_function" "main" {
  function_name    = "main"
  role             = aws_iam_role.lambda.arn
  handler          = "index.handler"
  runtime          = "python3.11"
  filename         = "${path.module}/lambda/function.zip"
  source_code_hash = data.archive_file.lambda.output_base64sha256
}
