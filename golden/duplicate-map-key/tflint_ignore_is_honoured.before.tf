locals {
  a = {
    x = 1
    # tflint-ignore: terraform_map_duplicate_keys
    x = 2
  }
}
