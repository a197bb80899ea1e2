# tflint-ignore: terraform_documented_outputs
output "a" {
  value = 1
}

output "b" {
  value = 2
}
