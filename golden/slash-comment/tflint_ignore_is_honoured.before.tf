locals {
  a = 1 // tflint-ignore: terraform_comment_syntax
  b = 2 // reported
}
