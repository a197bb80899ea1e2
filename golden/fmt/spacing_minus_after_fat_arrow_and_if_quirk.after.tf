locals {
  negated  = { for k, v in var.m : k => - v }
  positive = [for x in var.l : x if - x < 0]
}
