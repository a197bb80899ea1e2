provider "aws" {
  region = var.region
}

locals {
  bucket = "${var.name}-${var.region}"
}

module "other" {
  source = "./modules/other"
  region = var.region
}
