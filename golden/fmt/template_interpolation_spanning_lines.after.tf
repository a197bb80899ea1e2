locals {
  msg = "Hello ${
    var.first_name
  } and ${var.last}"
  x = 1
}
