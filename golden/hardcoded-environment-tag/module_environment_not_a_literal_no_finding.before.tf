module "vpc" {
  source      = "terraform-aws-modules/vpc/aws"
  environment = var.environment
  labels      = { environment = "${var.env}-blue" }
  tags        = { Name = "production" }
}
