locals {
  first  = "${ # the flag
true}"
  sum    = "${var.a + // and the rest
var.b}"
  kept   = "${var.c # trailing
}"
}
