resource "aws_iam_role" "mixed" {
  name               = "mixed"
  assume_role_policy = data.aws_iam_policy_document.assume.json
  managed_policy_arns = concat(
    ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
    var.extra_policy_arns,
  )
}
