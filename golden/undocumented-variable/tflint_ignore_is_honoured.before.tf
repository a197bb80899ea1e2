variable "a" { # tflint-ignore: terraform_documented_variables
  type = string
}

variable "b" {
  type = string
}
