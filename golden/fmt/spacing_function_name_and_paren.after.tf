locals {
  a = lower(var.name)
  b = length(var.list)
}
