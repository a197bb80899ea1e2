terraform {
  required_version = "~> 1.5"
}

module "network" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.1.0"

  name = "main"
  cidr = "10.0.0.0/16"
}

module "endpoints" {
  source = "terraform-aws-modules/vpc/aws//modules/vpc-endpoints"

  vpc_id     = module.network.vpc_id
  subnet_ids = module.network.private_subnets
  depends_on = [module.network]
}

resource "aws_security_group" "app" {
  vpc_id = module.network.vpc_id
  name   = "app-${module.network.name}"
}

removed {
  from = module.network.aws_flow_log.this

  lifecycle {
    destroy = false
  }
}

import {
  to = module.network.aws_vpc.this[0]
  id = "vpc-123"
}
