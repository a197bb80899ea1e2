resource "aws_iam_role" "optional" {
  count              = var.enabled ? 1 : 0
  name               = "optional"
  assume_role_policy = data.aws_iam_policy_document.assume.json
  managed_policy_arns = [
    "arn:aws:iam::aws:policy/ReadOnlyAccess",
  ]
}
