module "exact" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.1.2"
}

module "range" {
  source  = "terraform-aws-modules/vpc/aws"
  version = ">= 5.0.0"
}

module "latest" {
  source = "terraform-aws-modules/vpc/aws"
}
