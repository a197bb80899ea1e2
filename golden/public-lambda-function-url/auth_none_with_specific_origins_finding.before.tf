resource "aws_lambda_function_url" "api" {
  function_name      = aws_lambda_function.api.function_name
  authorization_type = "NONE"

  cors {
    allow_credentials = true
    allow_origins     = ["https://app.example.com", "https://admin.example.com"]
    allow_methods     = ["GET", "POST"]
  }
}
