data "archive_file" "main" {
  type        = "zip"
  source_dir  = "${path.module}/authorizer"
  output_path = "${path.module}/authorizer.zip"
}

resource "aws_lambda_function" "main" {
  function_name = "main"
  role          = aws_iam_role.lambda.arn
  handler       = "index.handler"
  runtime       = "python3.11"
  filename      = "${path.module}/lambda/function.zip"
}
