locals {
  with-dash = 1
  _under = 2
  a1_b2-c3 = 3
  trailing- = 4
  CamelCase = 5
  ref = local.with-dash - local._under
}
resource "x" "y" {
  depends_on = [aws_instance.a, module.b]
  for_each = toset(["a"])
}
