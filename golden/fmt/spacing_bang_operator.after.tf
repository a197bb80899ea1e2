locals {
  a = !var.enabled
  b = !(var.x && var.y)
  c = !!var.enabled
  d = !var.p && !var.q
}
