locals {
  label = "offset=${-var.offset}"
}
