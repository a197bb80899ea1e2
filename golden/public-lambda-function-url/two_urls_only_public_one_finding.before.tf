resource "aws_lambda_function_url" "public" {
  function_name      = aws_lambda_function.api.function_name
  qualifier          = "public"
  authorization_type = "NONE"

  cors {
    allow_origins = ["*"]
  }
}

resource "aws_lambda_function_url" "internal" {
  function_name      = aws_lambda_function.api.function_name
  qualifier          = "internal"
  authorization_type = "AWS_IAM"

  cors {
    allow_origins = ["*"]
  }
}
