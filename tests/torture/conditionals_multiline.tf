locals {
  a = (
    var.x
    ? 1
    : 2
  )
  b = (var.x ?
    "yes" :
    "no")
  nested = (
    var.a ? (
      var.b ? "ab" : "a"
    ) : (
      var.c
      ? "c"
      : "none"
    )
  )
  right_assoc = var.a ? 1 : var.b ? 2 : 3
  in_tuple = [
    var.a
    ? 1
    : 2,
  ]
  in_call = coalesce(
    var.a ?
    null :
    "x"
  )
  cond_op = var.a == 1 || var.b && !var.c ? -1 : -0 == 0 ? 1 : 2
}
