variable "env" {
  type    = string
  default = "staging"
}

variable "enable_nat_gateway" {
  type    = bool
  default = true
}

resource "aws_nat_gateway" "main" {
  count         = var.enable_nat_gateway ? 1 : 0
  allocation_id = aws_eip.nat[0].id
  subnet_id     = aws_subnet.public[0].id
}
