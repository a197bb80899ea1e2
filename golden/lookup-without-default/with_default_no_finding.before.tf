locals {
  size    = lookup(var.sizes, var.tier, "t3.micro")
  other   = var.sizes[var.tier]
  spread  = lookup(local.args...)
  text    = "lookup(var.sizes, var.tier) in a string"
}
