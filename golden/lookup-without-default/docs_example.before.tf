locals {
  defaults = { region = "eu-west-1" }
  region   = lookup(local.defaults, "region")
}
