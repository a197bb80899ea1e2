resource "aws_instance" "web" {
  ami = "ami-123"
  # size of the machine
  instance_type = "t3.micro"
  count         = 2
}
