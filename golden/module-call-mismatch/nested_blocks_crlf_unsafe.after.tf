module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 5.0"

  cidr = "10.0.0.0/16"

  tags = {
    Team = "core"
    Env  = "prod"
  }

  name = "main"

  lifecycle {
    prevent_destroy = true
  }
}
