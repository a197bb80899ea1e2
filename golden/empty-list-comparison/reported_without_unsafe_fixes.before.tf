locals {
  has_rules = var.rules != []
}
