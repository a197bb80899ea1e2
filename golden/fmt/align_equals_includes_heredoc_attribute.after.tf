resource "aws_instance" "web" {
  user_data = <<EOT
echo hi
EOT
  ami       = "ami-123"
}
