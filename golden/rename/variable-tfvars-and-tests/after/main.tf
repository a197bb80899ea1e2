provider "aws" {
  region = var.aws_region
}

locals {
  bucket = "${var.name}-${var.aws_region}"
}

module "other" {
  source = "./modules/other"
  region = var.aws_region
}
