locals {
  a = var.l[*].*[0]
}
