# tflint-ignore: terraform_module_shallow_clone
module "a" {
  source = "git::https://example.com/a.git?ref=v2.0.0"
}
