locals {
  name = "${
    var.prefix
  }"
}
