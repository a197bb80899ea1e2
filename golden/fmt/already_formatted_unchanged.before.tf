terraform {
  required_version = ">= 1.0"
}

variable "name" {
  type        = string
  description = "Name prefix" # used everywhere
}

resource "aws_instance" "web" {
  count         = var.enabled ? 1 : 0
  ami           = data.aws_ami.ubuntu.id
  instance_type = "t3.micro"

  tags = {
    Name = "${var.name}-web"
  }
}
