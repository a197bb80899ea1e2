resource "aws_security_group" "sg" {
  name = "sg"

  ingress {
    from_port = 443
    to_port   = 443
    protocol  = "tcp"
  }

  egress = [{
    from_port        = 0
    to_port          = 0
    protocol         = "-1"
    cidr_blocks      = ["0.0.0.0/0"]
    ipv6_cidr_blocks = []
    prefix_list_ids  = []
    security_groups  = []
    self             = false
    description      = ""
  }]

  dynamic "timeouts" {
    for_each = [1]
    content {
      create = "5m"
    }
  }
}
