locals {
  list = ["${var.a}", "${var.b}"]
  obj  = { key = "${var.a}" }
  call = lower("${var.a}")
}
