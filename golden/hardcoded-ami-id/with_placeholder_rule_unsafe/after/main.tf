resource "aws_instance" "a" {
  ami           = var.ami
  instance_type = "t3.micro"
}

resource "aws_instance" "b" {
  ami           = var.b_ami
  instance_type = "t3.micro"
}
