terraform {
  required_version = "~> 1.5"
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.1.0"

  name = "main"
  cidr = "10.0.0.0/16"
}

module "endpoints" {
  source = "terraform-aws-modules/vpc/aws//modules/vpc-endpoints"

  vpc_id     = module.vpc.vpc_id
  subnet_ids = module.vpc.private_subnets
  depends_on = [module.vpc]
}

resource "aws_security_group" "app" {
  vpc_id = module.vpc.vpc_id
  name   = "app-${module.vpc.name}"
}

removed {
  from = module.vpc.aws_flow_log.this

  lifecycle {
    destroy = false
  }
}

import {
  to = module.vpc.aws_vpc.this[0]
  id = "vpc-123"
}
