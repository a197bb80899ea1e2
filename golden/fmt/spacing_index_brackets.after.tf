locals {
  a = var.list[0]
  b = var.matrix[0][1]
  c = (var.list)[0]
  d = var.map["key"]
  e = { a = 1 }["a"]
}
