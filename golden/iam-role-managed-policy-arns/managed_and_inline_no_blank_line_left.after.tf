resource "aws_iam_role" "svc" {
  name               = "svc"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

resource "aws_iam_role_policy_attachment" "svc" {
  role       = aws_iam_role.svc.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_role_policy" "svc_extra" {
  role   = aws_iam_role.svc.name
  name   = "extra"
  policy = data.aws_iam_policy_document.extra.json
}
