locals {
  keys = {
    upper("a") = 1
    var.b = 2
    c.d : 3
    (var.e ? "x" : "y") = 4
    var.f ? "p" : "q" = 5
    "${var.g}" = 6
    (var.h) = 7
    1 = 8
  }
}
