locals {
  a = var.x - -var.y
  b = var.x *-1
  c = var.x ==-1
  d = var.x > - 1
  e = var.p && - var.q
  f = var.x %-2
}
