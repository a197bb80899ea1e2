# tflint-ignore: terraform_module_version
module "a" {
  source = "terraform-aws-modules/vpc/aws"
}
