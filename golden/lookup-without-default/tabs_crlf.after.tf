resource "aws_instance" "web" {
	ami           = var.amis[var.region]
	instance_type = "t3.micro"
}
