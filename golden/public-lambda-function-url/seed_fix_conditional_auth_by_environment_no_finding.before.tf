variable "environment_suffix" {
  type = string
}

variable "allowed_cors_origins" {
  type    = list(string)
  default = []
}

resource "aws_lambda_function_url" "main" {
  function_name = aws_lambda_function.main.function_name
  # Use NONE for dev/testing, AWS_IAM for staging/prod
  authorization_type = var.environment_suffix == "dev" ? "NONE" : "AWS_IAM"

  cors {
    # Restrict origins based on environment
    allow_origins = var.environment_suffix == "dev" ? ["*"] : var.allowed_cors_origins
    allow_methods = ["GET", "POST"]
    allow_headers = ["content-type"]
    max_age       = 300
  }
}
