locals {
  zones = [ # all zones
    "a",    # first
    "bbb",  # second
  ]         # done
}
