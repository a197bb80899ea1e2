locals {
  status = "%{if var.ok}up%{else}down%{endif}"
  list   = "%{~for s in var.items~}${s};%{~endfor~}"
}
