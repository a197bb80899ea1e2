locals {
  a = 1 /* one */ + 2
  b = max(/* first */ 1, 2)
}
resource "null_resource" "x" { # trailing
}
