locals {
  x = a[true]
  y = a[null]
  z = a[1]
  v = a[false].b
}
