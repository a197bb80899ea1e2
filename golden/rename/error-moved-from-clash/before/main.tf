resource "aws_instance" "b" {
  ami = "ami-1"
}

moved {
  from = aws_instance.a
  to   = aws_instance.z
}
