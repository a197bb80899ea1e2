data "aws_partition" "current" {}

resource "aws_iam_role" "audit" {
  name               = "audit"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

resource "aws_iam_role_policy_attachment" "audit" {
  for_each = {
    ReadOnlyAccess = "arn:${data.aws_partition.current.partition}:iam::aws:policy/ReadOnlyAccess"
    SecurityAudit  = "arn:${data.aws_partition.current.partition}:iam::aws:policy/SecurityAudit"
  }

  role       = aws_iam_role.audit.name
  policy_arn = each.value
}
