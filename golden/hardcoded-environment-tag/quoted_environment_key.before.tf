variable "environment" {
  type    = string
  default = "prod"
}

resource "aws_kms_key" "main" {
  description = "main key"

  tags = {
    "Environment" = "prod"
    "CostCenter"  = "1234"
  }
}
