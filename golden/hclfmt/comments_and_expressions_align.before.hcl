locals {
  a = 1 # one
  long_name = 2 # two
  /* block */ c = 3
  // slashes
  d = {
    x = [for s in var.list : upper(s) if s != ""]
    y = var.enabled ? 1 : 0
    z = var.items[*].id
  }
}
