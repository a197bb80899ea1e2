variable "environment_suffix" {
  type    = string
  default = "pr4821"
}

resource "aws_nat_gateway" "main" {
  for_each      = var.public_subnet_ids
  allocation_id = aws_eip.nat[each.key].id
  subnet_id     = each.value
}
