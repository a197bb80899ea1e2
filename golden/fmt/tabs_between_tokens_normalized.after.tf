locals {
  a  = 1
  bb = [1, 2]
}
