resource "aws_instance" "app" {
  ami           = "ami-1"
  instance_type = "t3.micro"
}
