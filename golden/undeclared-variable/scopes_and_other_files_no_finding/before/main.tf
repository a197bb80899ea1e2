resource "aws_security_group" "web" {
  name = "${var.name}-${terraform.workspace}"

  dynamic "ingress" {
    for_each = var.ports
    iterator = port
    content {
      from_port   = port.value
      to_port     = port.value
      protocol    = "tcp"
      cidr_blocks = [for cidr in var.cidrs : cidr if cidr != ""]
    }
  }
}

resource "aws_instance" "web" {
  count = length(var.cidrs)
  ami   = var.ami

  provisioner "local-exec" {
    command = "echo ${self.private_ip} ${path.module} ${count.index}"
  }
}
