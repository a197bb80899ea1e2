variable "x" {}

resource "a" "b" {
  output = 1
}
