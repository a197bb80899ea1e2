variable "environment" {
  type = string
}

resource "aws_nat_gateway" "dev" {
  count         = length(var.azs)
  allocation_id = aws_eip.nat[count.index].id
  subnet_id     = aws_subnet.public[count.index].id
  tags = {
    Name = "dev-nat-${terraform.workspace}-${count.index}"
  }
}
