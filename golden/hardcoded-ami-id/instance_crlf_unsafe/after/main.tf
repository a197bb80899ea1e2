resource "aws_instance" "db" {
  ami           = var.ami
  instance_type = "r5.large"
}
