variable "environment" {
  type    = string
  default = "dev"
}

variable "environment_suffix" {
  type = string
}

resource "aws_dynamodb_table" "sessions" {
  name         = "sessions"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }
}
