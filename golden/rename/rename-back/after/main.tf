resource "aws_instance" "a" {
  ami = "ami-1"
}

output "id" {
  value = aws_instance.a.id
}
