resource "aws_eip" "this" {
	domain = "vpc"
	tags = {
		Zone = var.zone
	}
}
