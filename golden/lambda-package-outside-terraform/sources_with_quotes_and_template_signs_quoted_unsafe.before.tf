resource "aws_lambda_function" "main" {
  function_name    = "app"
  handler          = "index.handler"
  runtime          = "python3.11"
  filename         = "${path.module}/build/app \"v2\" $${stage}.zip"
  source_code_hash = filebase64sha256("${path.module}/build/app \"v2\" $${stage}.zip")
}
