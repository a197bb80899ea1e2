locals {
# top of body
  a = 1
      # between
  inner = {
# first item
    b = 2
        # last item
  }
    # end of body
}
