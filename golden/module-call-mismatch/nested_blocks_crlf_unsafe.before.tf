module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 5.0"

  cidr = "10.0.0.0/16"

  tags {
    Team = "core"
    Env  = "prod"
  }

  variable "name" {
    default = "main"
  }

  lifecycle {
    prevent_destroy = true
  }
}
