resource "aws_instance" "web" {
	ami           = "ami-0c55b159cbfafe1f0" # Ubuntu 20.04, us-east-2
	instance_type = "t3.micro"
}
