resource "aws_instance" "b" {
  ami = "ami-1"
}

output "id" {
  value = aws_instance.b.id
}
