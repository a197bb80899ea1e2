resource "aws_instance" "web" {
  ami           = var.ami # golden image
  instance_type = "t3.micro"
}
