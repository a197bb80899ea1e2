resource "aws_instance" "web" {
  ami           = "ami-1" # pinned
  instance_type = "t2.micro"

  tags = {
    Name = "web"
  }
}

resource "aws_instance" "db" {
  ami           = "ami-2"
  instance_type = "m5.large"
}
