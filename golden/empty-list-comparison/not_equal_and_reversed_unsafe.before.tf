locals {
  has_rules = var.rules != []
  empty     = [] == var.rules
}
