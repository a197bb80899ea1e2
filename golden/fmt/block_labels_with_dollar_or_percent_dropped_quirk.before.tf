resource "x" "a$b" {}
resource "x" "50%" {}
resource "x" "$${y}" {}
resource "x" "$" {}
resource "x" "keep" "%s" {}
