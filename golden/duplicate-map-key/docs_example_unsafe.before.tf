locals {
  sizes = {
    small  = 1
    medium = 2
    medium = 3 # the second one wins
  }
}
