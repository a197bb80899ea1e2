resource "aws_lambda_function" "handler" {
  function_name = "fn"
  role          = "arn:aws:iam::123456789012:role/fn"
}

resource "aws_lambda_permission" "allow" {
  function_name = aws_lambda_function.handler.function_name
  principal     = "s3.amazonaws.com"
}
