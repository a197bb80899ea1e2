variable "names" {
  type = set(string)
}

variable "untyped" {
  default = ["a"]
}

resource "aws_security_group" "web" {
  dynamic "ingress" {
    for_each = [22, 443]
    content {
      from_port = ingress.value
      to_port   = ingress.value
      protocol  = "tcp"
    }
  }
}

resource "aws_iam_user" "a" {
  for_each = var.names
  name     = each.key
}

resource "aws_iam_user" "b" {
  for_each = var.untyped
  name     = each.key
}

resource "aws_iam_user" "c" {
  for_each = { for n in ["x", "y"] : n => n }
  name     = each.key
}

resource "aws_iam_user" "d" {
  for_each = toset(concat(["x"], ["y"]))
  name     = each.key
}
