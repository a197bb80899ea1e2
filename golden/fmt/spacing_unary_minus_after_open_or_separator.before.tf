locals {
  a = - 1
  b = [-1, - 2]
  c = max(-var.x, - var.y)
  d = (- var.x)
  e = var.flag ? - 1 : - 2
  f = { low = - 5 }
}
