resource "x" {}
resource "x" {}
resource "x" {}
resource "x" "$" {}
resource "x" "keep" {}
