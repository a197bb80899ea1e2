variable "extra_policy_json" {
  type    = string
  default = null
}

resource "aws_iam_role_policy" "extra" {
  count = var.extra_policy_json == null ? 0 : 1

  name   = "extra"
  role   = aws_iam_role.lambda.name
  policy = var.extra_policy_json
}
