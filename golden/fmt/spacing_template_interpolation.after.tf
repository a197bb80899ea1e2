locals {
  greeting = "Hello, ${var.name}!"
  path     = "${path.module}/files/${join("-", var.parts)}.txt"
}
