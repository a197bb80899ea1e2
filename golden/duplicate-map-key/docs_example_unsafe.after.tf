locals {
  sizes = {
    small  = 1
    medium = 3 # the second one wins
  }
}
