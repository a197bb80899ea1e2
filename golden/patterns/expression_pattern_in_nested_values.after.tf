locals {
  region = var.regions[terraform.workspace]
  names = [
    var.names["web"], # the web tier
    "fixed",
  ]
  default = lookup(var.sizes, "x", "small")
}
