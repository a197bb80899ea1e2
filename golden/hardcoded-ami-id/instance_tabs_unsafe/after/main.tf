resource "aws_instance" "web" {
	ami           = var.ami # Ubuntu 20.04, us-east-2
	instance_type = "t3.micro"
}
