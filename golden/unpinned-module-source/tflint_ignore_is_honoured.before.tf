module "a" {
  source = "github.com/acme/a" # tflint-ignore: terraform_module_pinned_source
}
