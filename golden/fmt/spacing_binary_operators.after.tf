locals {
  sum  = var.a + var.b * 2
  rem  = var.a % 3 / 1
  eq   = var.a == var.b
  ne   = var.a != var.b
  le   = var.a <= var.b
  gt   = var.a > var.b
  both = var.x && var.y || var.z
}
