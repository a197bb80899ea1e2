resource "aws_instance" "web" { # resource
  ami = "ami-123" # image
  tags = { # tags
    Name = "web" # name
  } # end tags
} # end resource
