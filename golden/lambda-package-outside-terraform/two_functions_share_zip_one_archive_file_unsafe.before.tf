resource "aws_lambda_function" "reader" {
  function_name = "reader"
  role          = aws_iam_role.lambda.arn
  handler       = "reader.handler"
  runtime       = "python3.11"
  filename      = "${path.module}/dist/app.zip"
}

resource "aws_lambda_function" "writer" {
  function_name = "writer"
  role          = aws_iam_role.lambda.arn
  handler       = "writer.handler"
  runtime       = "python3.11"
  filename      = "${path.module}/dist/app.zip"
}
