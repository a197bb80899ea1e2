locals {
  a = local.blue-green
  b = each.value.zone-1
}
