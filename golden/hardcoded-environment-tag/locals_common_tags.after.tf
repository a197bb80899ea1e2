variable "environment" {
  type    = string
  default = "staging"
}

locals {
  name_prefix = "shop"

  common_tags = {
    Environment = var.environment
    Project     = "shop"
  }
}

resource "aws_cloudwatch_log_group" "app" {
  name = "/${local.name_prefix}/app"
  tags = local.common_tags
}
