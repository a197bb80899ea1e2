resource "aws_iam_role" "per_team" {
  for_each           = toset(["a", "b"])
  name               = "team-${each.key}"
  assume_role_policy = data.aws_iam_policy_document.assume.json
  managed_policy_arns = [
    "arn:aws:iam::aws:policy/ReadOnlyAccess",
  ]
}
