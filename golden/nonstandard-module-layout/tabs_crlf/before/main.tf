variable "zone" {
	type    = string
	default = "a"
}

resource "aws_eip" "this" {
	domain = "vpc"
	tags = {
		Zone = var.zone
	}
}
