locals {
  a = 1 # one
  bbbbbb = 2 # two
  c = 3
  d = 4 # four

  eeeeeeee = 5 # five
}
