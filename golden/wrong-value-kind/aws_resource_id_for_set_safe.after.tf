data "aws_security_group" "default" {
  name = "default"
}

resource "aws_security_group" "web" {
  name = "web"
}

resource "aws_instance" "web" {
  ami                    = "ami-0123456789abcdef0"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [data.aws_security_group.default.id] # the VPC's default
  security_groups        = [aws_security_group.web.id]
}

resource "aws_instance" "many" {
  count                  = 2
  ami                    = "ami-0123456789abcdef0"
  instance_type          = "t3.micro"
  vpc_security_group_ids = aws_security_group.web[*].id
  security_groups        = var.groups.id
}

variable "groups" {
  type = object({ id = list(string) })
}
