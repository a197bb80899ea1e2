locals {
  a = 1 /* base */ + var.extra
}
