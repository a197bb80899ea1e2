# tflint-ignore: terraform_typed_variables
variable "anything" {}

variable "reported" {}
