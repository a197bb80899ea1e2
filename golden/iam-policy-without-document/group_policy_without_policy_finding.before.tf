resource "aws_iam_group" "developers" {
  name = "developers"
}

resource "aws_iam_group_policy" "developers_read_only" {
  name  = "read-only"
  group = aws_iam_group.developers.name
  # TODO: policy
}
