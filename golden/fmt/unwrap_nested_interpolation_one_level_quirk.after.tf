locals {
  a = "${var.x}"
}
