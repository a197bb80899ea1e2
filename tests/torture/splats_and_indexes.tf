locals {
  attr_splat  = aws_instance.web.*.id
  full_splat  = aws_instance.web[*].id
  deep        = var.list[*].a.b[0].c
  bare        = var.list[*]
  bare_attr   = var.list.*
  legacy      = var.list.0
  legacy2     = var.list.0.name
  legacy_in_t = "${var.list.1}"
  index       = var.map["key"]
  index_expr  = var.list[length(var.list) - 1]
  nested      = var.a[0][1]["x"]
  chained     = module.m.out[count.index].value
  splat_idx   = var.x[*].y[0]
  spaced      = var . a [ 0 ] . b
  call_index  = split(",", "a,b")[0]
  tuple_index = [1, 2, 3][1]
  obj_attr    = { a = 1 }.a
  paren_splat = (var.x)[*].y
}
