variable "ok" {
  type = map(string)
}

resource "x" "y" {
  type = "list"
}
