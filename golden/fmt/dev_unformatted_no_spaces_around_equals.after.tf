locals {
  a    = 1
  name = "x"
  list = [1, 2]
}
