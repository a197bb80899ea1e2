locals {
  account_id = "123456789012"
}

module "vpc" {
  source = "terraform-aws-modules/vpc/aws"
  vpc_id = "vpc-xxxxxxxx"
  name   = "<vpc-name>"
}
