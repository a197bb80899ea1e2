terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.0"
    }
  }
}

resource "aws_instance" "web" {
  count         = 2
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}

output "first_ip" {
  value = aws_instance.web[0].public_ip # the first one
}

output "all_ips" {
  value = aws_instance.web[*].private_ip
}
