module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 5.0"
}

module "network" {
  source = "git::https://example.com/network.git?ref=v1.2.0"
}

module "local" {
  source = "./modules/local"
}
