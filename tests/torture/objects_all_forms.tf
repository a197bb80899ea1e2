locals {
  eq     = { a = 1, b = 2 }
  colon  = { a: 1, b: 2 }
  mixed  = { a = 1, b: 2 }
  trail  = { a = 1, b = 2, }
  nl = {
    a = 1
    b = 2
  }
  nl_commas = {
    a = 1,
    b = 2,
  }
  mixed_sep = {
    a = 1, b = 2
    c = 3,
    d = 4
  }
  paren_key = {
    (var.k) = 1
    (var.prefix + "x"): 2
  }
  template_key = {
    "${var.k}-suffix" = 1
    "plain key" = 2
    "with \"escape\"" = 3
  }
  keyword_keys = {
    "for" = 1
    if = 2
    in = 3
    true = 4
    null = 5
  }
  blank_lines = {

    a = 1


    b = 2

  }
  empty = {}
  empty_nl = {
  }
  nested = { a = { b = { c = {} } } }
  tight={a=1,b=2}
  attr_key = { var.x = 1 }
  num_key = { 1 = "one" }
}
