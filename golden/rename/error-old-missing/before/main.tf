resource "aws_instance" "web" {
  ami = "ami-1"
}

resource "aws_eip" "web" {
  instance = aws_instance.web.id
}
