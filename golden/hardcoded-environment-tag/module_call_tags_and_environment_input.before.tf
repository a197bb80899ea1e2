module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.1.0"

  name        = "main"
  environment = "production" # consumed by the module's naming

  tags = {
    Environment = "production"
    Team        = "network"
  }
}

variable "environment" {
  type    = string
  default = "production"
}
