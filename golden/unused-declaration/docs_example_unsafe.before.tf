variable "instance_type" {
  default = "t3.micro"
}

# kept from the first version
variable "ami" {
  default = "ami-123"
}

locals {
  tier    = "web"
  retired = "blue"
}

data "aws_region" "current" {}

resource "aws_instance" "web" {
  instance_type = var.instance_type
  tags = {
    Tier = local.tier
  }
}
