# CRLF file: every line ends with CR LF
terraform {
  required_version = ">= 1.0"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 4.0"
    }
  }
}

/* a block comment
   spanning CRLF lines */
resource "aws_instance" "web" {
  ami           = var.ami // trailing
  instance_type = "t3.micro" # trailing hash
  tags = {
    Name = "web-${var.env}"
    Env  = var.env,
  }
  list = [
    1,
    2, # after element
    3
  ]

  dynamic "ebs_block_device" {
    for_each = var.disks
    content {
      device_name = ebs_block_device.value.name
    }
  }
}

locals {
  cond = (
    var.a
    ? "yes"
    : "no"
  )
  call = merge(
    var.x,
    {
      a = 1
    },
  )
}
