resource "x" "Ab\\c\"d" {}
resource "x" "\u00a0" {}
resource "x" "😀" {}
