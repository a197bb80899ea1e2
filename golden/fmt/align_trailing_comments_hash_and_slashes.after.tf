resource "aws_instance" "web" {
  ami           = "ami-123"  # image
  instance_type = "t3.micro" // size
  count         = 2          # how many
}
