resource "aws_security_group" "web" {
  name = "web"

  dynamic "ingress" {
    for_each = [80, 443]
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["10.0.0.0/8"]
    }
  }
}

resource "aws_instance" "web" {
  count                  = 2
  ami                    = "ami-0123456789abcdef0"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.web.id]

  lifecycle {
    ignore_changes = [tags]
  }
}

output "everything" {
  value = {
    arn   = aws_security_group.web.arn
    ids   = aws_instance.web[*].id
    ips   = aws_instance.web.*.public_ip
    disk  = aws_instance.web[0].root_block_device[0].volume_id
    first = aws_instance.web.0.private_dns
    all   = aws_instance.web
    tag   = aws_instance.web[0].tags_all["Name"]
  }
}
