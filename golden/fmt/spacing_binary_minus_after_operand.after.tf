locals {
  a = var.count - 1
  b = 10 - 1
  c = length(var.list) - 1
  d = var.list[0] - 1
  e = (var.x) - 1
  f = true - 1
}
