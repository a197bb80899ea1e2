locals {
  # tflint-ignore: terraform_deprecated_index
  first  = local.list.0
  second = local.list.1
}
