resource "aws_instance" "web" {
  count         = 3
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"
}

resource "aws_eip" "web" {
  count    = 3
  instance = aws_instance.web.id
  domain   = "vpc"
}
