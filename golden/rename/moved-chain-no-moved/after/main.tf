resource "aws_instance" "c" {
  ami = "ami-1"
}

output "id" {
  value = aws_instance.c.id
}
