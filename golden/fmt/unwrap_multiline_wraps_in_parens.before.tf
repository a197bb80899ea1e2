locals {
  pick = "${var.a ?
var.b : var.c}"
  list = "${[
1,
2
]}"
  single = "${
var.x
}"
}
