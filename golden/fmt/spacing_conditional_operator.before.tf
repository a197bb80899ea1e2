locals {
  size = var.prod?"large":"small"
  count = var.on ? 1 :0
}
