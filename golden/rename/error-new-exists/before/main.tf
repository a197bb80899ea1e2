resource "aws_instance" "a" {
  ami = "ami-1"
}

resource "aws_instance" "b" {
  ami = "ami-2"
}
