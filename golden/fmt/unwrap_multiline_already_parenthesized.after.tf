locals {
  pick = (var.a ?
  var.b : var.c)
}
