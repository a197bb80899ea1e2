# tflint-ignore: terraform_standard_module_structure
variable "kept_here" {}

resource "aws_eip" "this" {}
