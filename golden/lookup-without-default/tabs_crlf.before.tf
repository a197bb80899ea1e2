resource "aws_instance" "web" {
	ami           = lookup(var.amis, var.region)
	instance_type = "t3.micro"
}
