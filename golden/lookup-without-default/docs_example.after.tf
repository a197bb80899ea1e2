locals {
  defaults = { region = "eu-west-1" }
  region   = local.defaults["region"]
}
