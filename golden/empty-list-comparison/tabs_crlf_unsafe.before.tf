resource "aws_eip" "nat" {
	count  = var.public_subnets != [] ? 1 : 0
	domain = "vpc"
}
