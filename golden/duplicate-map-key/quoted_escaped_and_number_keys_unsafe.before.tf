locals {
  a = {
    name      = "one"
    "n\u0061me" = "two"
  }
  b = { 1 = "x", "1" = "y" }
}
