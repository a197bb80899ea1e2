locals {
  a   = var.x # the x
  bbb = 1     # one
}
