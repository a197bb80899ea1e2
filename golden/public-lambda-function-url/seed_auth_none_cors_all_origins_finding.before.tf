resource "aws_lambda_function_url" "main" {
  function_name      = aws_lambda_function.main.function_name
  authorization_type = "NONE" # Public access

  cors {
    allow_origins = ["*"] # All origins allowed
  }
}
