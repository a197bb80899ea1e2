variable "environment" {
  type    = string
  default = "prod"
}

variable "environment_suffix" {
  type    = string
  default = "dev"
}

resource "aws_nat_gateway" "main" {
  count         = 3
  allocation_id = aws_eip.nat[count.index].id
  subnet_id     = aws_subnet.public[count.index].id
}
