locals {
  account_id = var.account_id
}

module "vpc" {
  source = "terraform-aws-modules/vpc/aws"
  vpc_id = var.vpc_id
  name   = var.vpc_name
}
