for = 1
if = 2
in = 3
true = 4
null = 5
endif = 6
endfor = 7
else = 8
for {
}
if "for" in {}
locals {
  for_in_in = [for in in var.l : in]
  for_if    = [for if in var.l : if if if]
  obj_for_k = { for for, in in var.m : for => in }
  kw_obj    = { if = 1, in = 2, endif = 3, else = 4 }
  for_each  = { for_each = 1 }
  for_dash  = { for-x = 1 }
}
