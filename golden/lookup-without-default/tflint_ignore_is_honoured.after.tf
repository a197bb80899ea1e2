locals {
  a = lookup(var.m, "a") # tflint-ignore: terraform_deprecated_lookup
  b = var.m["b"]
}
