locals {
  a = [for x in(var.list) : x]
  b = [for x in var.list : x if(x != "")]
}
