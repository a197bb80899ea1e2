variable "a" {}

resource "x" "y" {}
