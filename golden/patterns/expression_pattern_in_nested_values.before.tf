locals {
  region = lookup(var.regions, terraform.workspace)
  names = [
    lookup(var.names, "web"), # the web tier
    "fixed",
  ]
  default = lookup(var.sizes, "x", "small")
}
