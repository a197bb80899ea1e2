module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.1.0"

  name        = "main"
  environment = var.environment # consumed by the module's naming

  tags = {
    Environment = var.environment
    Team        = "network"
  }
}

variable "environment" {
  type    = string
  default = "production"
}
