locals {
  splat_legacy = var.x.*.0
  splat_index  = var.x[*][0]
  attr_idx     = var.x.*.y[0]
  call_splat   = f()[*].x
  tmpl_index   = "abc"[0]
  paren_legacy = (var.x).0
  unary_trav   = -var.x.y[0]
  not_trav     = !var.x[*].enabled[0]
  cond_trav    = (var.a ? var.b : var.c).d
  legacy_name  = module.m.0.out
}
