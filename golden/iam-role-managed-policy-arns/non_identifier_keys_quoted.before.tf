resource "aws_iam_role" "a" {
  name               = "a"
  assume_role_policy = data.aws_iam_policy_document.assume.json
  managed_policy_arns = [
    "arn:aws:iam::123456789012:policy/team.reader",
    "arn:aws:iam::123456789012:policy/1st-line-support",
    "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess",
  ]
}
