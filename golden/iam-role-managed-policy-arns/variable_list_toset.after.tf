variable "policy_arns" {
  type    = list(string)
  default = []
}

resource "aws_iam_role" "app" {
  name               = "app"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

resource "aws_iam_role_policy_attachment" "app" {
  for_each = toset(var.policy_arns)

  role       = aws_iam_role.app.name
  policy_arn = each.value
}
