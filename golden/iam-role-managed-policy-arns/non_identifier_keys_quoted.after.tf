resource "aws_iam_role" "a" {
  name               = "a"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

resource "aws_iam_role_policy_attachment" "a" {
  for_each = {
    "team.reader"      = "arn:aws:iam::123456789012:policy/team.reader"
    "1st-line-support" = "arn:aws:iam::123456789012:policy/1st-line-support"
    ViewOnlyAccess     = "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"
  }

  role       = aws_iam_role.a.name
  policy_arn = each.value
}
