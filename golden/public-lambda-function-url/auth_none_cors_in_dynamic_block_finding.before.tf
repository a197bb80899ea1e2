resource "aws_lambda_function_url" "api" {
  function_name      = aws_lambda_function.api.function_name
  authorization_type = "NONE"

  dynamic "cors" {
    for_each = [1]
    content {
      allow_origins = ["*"]
    }
  }
}
