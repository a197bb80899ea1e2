resource "aws_instance" "a" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
}

resource "aws_instance" "b" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"
}
