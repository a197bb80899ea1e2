locals {
  total = ( var.a + var.b ) * ( var.c )
}
