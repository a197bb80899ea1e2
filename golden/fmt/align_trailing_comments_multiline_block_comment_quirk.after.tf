locals {
  a  = 1 /* first
  second */ # x
  bb = 2                      # y
}
