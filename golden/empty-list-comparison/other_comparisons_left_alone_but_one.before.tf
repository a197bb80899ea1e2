locals {
  a = length(var.rules) == 0
  b = var.rules == ["x"]
  c = var.tags == {}
  d = "var.rules == []"
  e = var.rules == [] || true ? 1 : 2
}
