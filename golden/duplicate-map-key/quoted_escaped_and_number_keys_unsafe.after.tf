locals {
  a = {
    "n\u0061me" = "two"
  }
  b = { "1" = "y" }
}
