locals {
  a = 1



  b = 2
}
output "a" {
  value = local.a
}


output "b" {
  value = local.b
}
