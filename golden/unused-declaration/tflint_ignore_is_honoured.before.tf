# tflint-ignore: terraform_unused_declarations
variable "kept_for_callers" {}

variable "reported" {}
