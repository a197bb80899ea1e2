moved {
  from = aws_lambda_function.fn
  to   = aws_lambda_function.handler
}
