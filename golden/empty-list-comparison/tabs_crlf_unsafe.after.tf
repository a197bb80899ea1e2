resource "aws_eip" "nat" {
	count  = length(var.public_subnets) > 0 ? 1 : 0
	domain = "vpc"
}
