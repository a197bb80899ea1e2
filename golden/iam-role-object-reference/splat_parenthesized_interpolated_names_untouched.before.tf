resource "aws_iam_policy_attachment" "all_workers" {
  name       = "all-workers"
  roles      = aws_iam_role.worker[*].name
  policy_arn = aws_iam_policy.worker.arn
}

resource "aws_iam_role_policy" "parenthesized" {
  role   = (aws_iam_role.lambda.name)
  policy = data.aws_iam_policy_document.s3.json
}

resource "aws_iam_role_policy" "interpolated" {
  role   = "${aws_iam_role.lambda.name}"
  policy = data.aws_iam_policy_document.s3.json
}
