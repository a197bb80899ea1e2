terraform {
  required_version = ">= 1.3.0, < 2.0.0"
}

resource "aws_instance" "web" {
  count         = 3
  ami           = "ami-123"
  instance_type = "t3.micro"
}

resource "aws_eip" "web" {
  for_each = toset(["a", "b"])
  instance = aws_instance.web[0].id
}

resource "aws_route53_record" "web" {
  for_each = { for i, w in aws_instance.web : i => w.private_ip }
  records  = [aws_instance.web[*].public_ip, aws_instance.web.*.id]
  name     = "web-${aws_eip.web["a"].public_ip}-${aws_instance.web[count.index].id}"
}

output "ips" {
  value = [aws_instance.web[2].private_ip, aws_instance.web[length(aws_instance.web) - 1].id]
}
