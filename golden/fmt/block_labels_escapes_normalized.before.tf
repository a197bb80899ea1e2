resource "x" "\u0041b\\c\"d" {}
resource "x" " " {}
resource "x" "\U0001F600" {}
