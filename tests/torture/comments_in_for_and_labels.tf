data /* multi-line
block comment between type and label */ "aws_iam_policy_document" /*
*/ "doc" /* c */ { # hash after brace
  x = 1
}
resource/*tight*/"a"/*tight*/"b"/*tight*/{ // slash after brace
  x = 1
}
locals {
  a = [
    for # after for
    item # after var
    in # after in
    var.items # after coll
    : # after colon
    upper(item) # after value
    if # after if
    item != "" # after cond
  ]
  b = {
    for k, v in var.m /* inline */ : k /* arrow next */ => v... /* group */ if true
  }
  c = "${
    # comment line in interpolation
    var.x
  }"
  d = "%{ if /* c */ true /* d */ }yes%{ /* e */ else /* f */ }no%{ endif /* g */ }"
}
