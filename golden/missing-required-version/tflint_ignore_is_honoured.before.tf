# tflint-ignore: terraform_required_version
terraform {
  backend "local" {}
}
