locals {
  x = a[]
  y = a[]
  z = a[1]
  v = a[].b
}
