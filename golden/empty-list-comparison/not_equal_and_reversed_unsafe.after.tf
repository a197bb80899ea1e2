locals {
  has_rules = length(var.rules) > 0
  empty     = length(var.rules) == 0
}
