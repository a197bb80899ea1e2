resource "aws_instance" "web" {
  ami             = "ami-123"
  key_name        = "deploy"
  tags            = {
    Name = "web"
  }
  instance_type   = "t3.micro"
  subnet_id       = "subnet-1"
  security_groups = [
    "sg-1",
  ]
  count           = 2
  monitoring      = true
}
