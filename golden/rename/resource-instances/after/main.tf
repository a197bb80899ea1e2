terraform {
  required_version = ">= 1.3.0, < 2.0.0"
}

resource "aws_instance" "server" {
  count         = 3
  ami           = "ami-123"
  instance_type = "t3.micro"
}

resource "aws_eip" "web" {
  for_each = toset(["a", "b"])
  instance = aws_instance.server[0].id
}

resource "aws_route53_record" "web" {
  for_each = { for i, w in aws_instance.server : i => w.private_ip }
  records  = [aws_instance.server[*].public_ip, aws_instance.server.*.id]
  name     = "web-${aws_eip.web["a"].public_ip}-${aws_instance.server[count.index].id}"
}

output "ips" {
  value = [aws_instance.server[2].private_ip, aws_instance.server[length(aws_instance.server) - 1].id]
}
