locals {
  t1 = [for v in var.l : v]
  t2 = [for i, v in var.l : "${i}-${v}" if i > 0]
  o1 = {for k, v in var.m : k => v}
  o2 = {for k, v in var.m : v => k...}
  o3 = { for k, v in var.m : upper(k) => v... if v != null }
  multi = [
    for s in var.list :
    s.name
    if s.enabled
  ]
  multi_obj = {
    for s in var.list :
    s.key => s
  }
  nested = [for a in var.x : [for b in a : b * 2]]
  nested_obj = {for a in var.x : a.k => {for b in a.v : b => true}}
  in_obj = {
    key = [for x in var.y : x]
    other = {for x in var.y : x => x}
  }
  for_named_var = [for for in var.l : for]
  if_var = [for if in var.l : if if if]
  tight = [for x in var.l:x]
  tight_obj = {for k,v in var.m:k=>v}
}
