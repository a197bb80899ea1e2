locals {
  sizes = {
    small = 1
    small = 2
  }
}
