resource "aws_security_group" "sg" {
  ingress {
    dynamic "x" {
      content {
        cidr = var.cidr
      }
    }
  }
}
locals { n = 1 + 2 }
