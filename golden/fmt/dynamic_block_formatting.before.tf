resource "aws_security_group" "sg" {
dynamic ingress {
for_each = var.rules
content {
from_port = ingress.value.port
to_port = ingress.value.port
protocol = "tcp"
}
}
}
