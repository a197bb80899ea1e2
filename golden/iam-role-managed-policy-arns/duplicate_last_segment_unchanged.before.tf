resource "aws_iam_role" "dup" {
  name               = "dup"
  assume_role_policy = data.aws_iam_policy_document.assume.json
  managed_policy_arns = [
    "arn:aws:iam::aws:policy/ReadOnlyAccess",
    "arn:aws:iam::123456789012:policy/ReadOnlyAccess",
  ]
}
