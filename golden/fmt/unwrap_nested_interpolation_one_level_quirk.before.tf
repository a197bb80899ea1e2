locals {
  a = "${"${var.x}"}"
}
