variable "policy_arns" {
  type    = list(string)
  default = []
}

resource "aws_iam_role" "app" {
  name                = "app"
  assume_role_policy  = data.aws_iam_policy_document.assume.json
  managed_policy_arns = var.policy_arns
}
