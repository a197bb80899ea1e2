resource "aws_instance" "db" {
  ami           = "ami-0d5d9d301c853a04a"
  instance_type = "r5.large"
}
