locals {
  a = [1,2 , 3]
  b = coalesce(var.x ,var.y,"z")
}
