resource "aws_lambda_function_url" "webhook" {
  function_name      = aws_lambda_function.webhook.function_name
  qualifier          = "live"
  authorization_type = "NONE"
}
