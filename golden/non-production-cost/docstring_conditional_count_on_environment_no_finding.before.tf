variable "environment" {
  default = "dev"
}

resource "aws_nat_gateway" "main" {
  count     = var.environment == "prod" ? length(var.public_subnet_ids) : 1
  subnet_id = var.public_subnet_ids[count.index]
}
