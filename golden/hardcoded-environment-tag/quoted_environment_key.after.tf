variable "environment" {
  type    = string
  default = "prod"
}

resource "aws_kms_key" "main" {
  description = "main key"

  tags = {
    "Environment" = var.environment
    "CostCenter"  = "1234"
  }
}
