data "aws_subnet" "a" {
	id     = var.subnet_ids[0]
	state  = "available"
}

output "b" {
	value       = data.aws_subnet.a[*].cidr_block
	description = "CIDR"
}
