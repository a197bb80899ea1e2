variable "cors_origins" {
  type    = list(string)
  default = ["*"]
}

resource "aws_lambda_function_url" "api" {
  function_name      = aws_lambda_function.api.function_name
  authorization_type = "NONE"

  cors {
    allow_origins = var.cors_origins
  }
}
