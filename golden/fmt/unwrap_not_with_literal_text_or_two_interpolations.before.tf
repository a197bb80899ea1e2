locals {
  a = "${var.x}${var.y}"
  b = "prefix-${var.x}"
  c = "${var.x} "
  d = "${var.x}\n"
  e = "%{if var.x}yes%{endif}"
}
