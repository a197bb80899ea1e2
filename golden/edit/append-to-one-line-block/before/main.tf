resource "aws_security_group" "sg" {
  name = "x"

  dynamic "ingress" {
    for_each = var.rules
    content {
      from_port = ingress.value.port
    }
  }

  lifecycle { create_before_destroy = true }
}

resource "aws_iam_policy" "p" {
  policy = <<EOT
{"Version": "2012-10-17"}
EOT
  tags   = { a = 1 }
}
