variable "instance_type" {
  default = "t3.micro"
}

locals {
  tier = "web"
}

resource "aws_instance" "web" {
  instance_type = var.instance_type
  tags = {
    Tier = local.tier
  }
}
