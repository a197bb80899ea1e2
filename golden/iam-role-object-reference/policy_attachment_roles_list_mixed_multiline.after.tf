resource "aws_iam_policy_attachment" "read_only" {
  name = "read-only"
  roles = [
    aws_iam_role.a.name, # object
    aws_iam_role.b.name, # already a name
    aws_iam_role.c[0].name,
  ]
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_policy_attachment" "one_line" {
  name       = "one-line"
  roles      = [aws_iam_role.a.name, aws_iam_role.b.name]
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
