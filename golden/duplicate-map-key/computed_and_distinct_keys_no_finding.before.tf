locals {
  a = {
    (var.key) = 1
    (var.key) = 2
  }
  b = {
    "${var.prefix}-x" = 1
    "${var.prefix}-x" = 2
  }
  c = { for k, v in var.m : k => v }
  d = { A = 1, a = 2 }
}
