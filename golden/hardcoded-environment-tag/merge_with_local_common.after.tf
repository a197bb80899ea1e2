variable "environment" {
  type    = string
  default = "prod"
}

locals {
  common = {
    Team = "payments"
  }
}

resource "aws_ecr_repository" "app" {
  name = "app"

  tags = merge(local.common, { Environment = var.environment })
}
