resource "aws_iam_policy" "stub" {}
