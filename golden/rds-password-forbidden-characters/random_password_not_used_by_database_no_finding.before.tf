resource "random_password" "api_key" {
  length = 32
}

resource "aws_ssm_parameter" "api_key" {
  name  = "/app/api-key"
  type  = "SecureString"
  value = random_password.api_key.result
}
