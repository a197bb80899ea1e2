locals {
  a          = 1 # one
  bbbbbbbbbb = 2 /* two */
  c          = 333333 # three
  dd         = 4      # four
}
