variable "names" {
  type = list(string)
}

variable "rules" {
  type = map(string)
}

data "aws_ami" "base" {
  most_recent = true
}

locals {
  upper = [for name in var.names : upper(name)]
}

resource "aws_instance" "web" {
  count = length(local.upper)
  ami   = data.aws_ami.base.id
  tags = {
    Name      = "${path.module}-${count.index}-${terraform.workspace}"
    Workspace = terraform.workspace
  }

  dynamic "ebs_block_device" {
    for_each = var.rules
    content {
      device_name = ebs_block_device.key
    }
  }
}

resource "aws_eip" "per_name" {
  for_each = toset(var.names)
  tags = {
    Name = each.key
    Self = each.value
  }

  provisioner "local-exec" {
    command = "echo ${self.id}"
  }
}
