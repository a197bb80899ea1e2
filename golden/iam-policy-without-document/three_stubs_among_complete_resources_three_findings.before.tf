resource "aws_iam_role_policy" "complete" {
  name   = "complete"
  role   = aws_iam_role.lambda.name
  policy = data.aws_iam_policy_document.complete.json
}

resource "aws_iam_role_policy" "stub_a" {
  name = "stub-a"
  role = aws_iam_role.lambda.name
}

resource "aws_iam_policy" "stub_b" {
  name        = "stub-b"
  description = "to be written"
}

resource "aws_iam_user_policy" "stub_c" {
  for_each = toset(["alice", "bob"])

  name = "stub-c"
  user = each.key
}
