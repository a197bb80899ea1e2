locals {
  a = 1   /* note */   # first
  bb = 2 # second
}
