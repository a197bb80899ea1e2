resource "aws_iam_role" "backup" {
  name               = "backup"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

resource "aws_iam_role_policy_attachment" "backup" {
  for_each = {
    ReadOnlyAccess = "arn:aws:iam::aws:policy/ReadOnlyAccess" # read
    SecurityAudit  = "arn:aws:iam::aws:policy/SecurityAudit"
  }

  role       = aws_iam_role.backup.name
  policy_arn = each.value
}

resource "aws_iam_role_policy" "backup_extra" {
  role   = aws_iam_role.backup.name
  name   = "extra"
  policy = data.aws_iam_policy_document.extra.json
}
