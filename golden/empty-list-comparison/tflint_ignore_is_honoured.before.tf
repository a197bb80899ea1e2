locals {
  # tflint-ignore: terraform_empty_list_equality
  a = var.rules == []
}
