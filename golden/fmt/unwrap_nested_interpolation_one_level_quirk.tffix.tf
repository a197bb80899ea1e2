locals {
  a = var.x
}
