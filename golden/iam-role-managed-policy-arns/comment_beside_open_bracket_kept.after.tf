resource "aws_iam_role" "ops" {
  name               = "ops"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

# reviewed by security in 2024
# keep in sync with the runbook
resource "aws_iam_role_policy_attachment" "ops" {
  for_each = {
    ReadOnlyAccess = "arn:aws:iam::aws:policy/ReadOnlyAccess"
    SecurityAudit  = "arn:aws:iam::aws:policy/SecurityAudit"
  }

  role       = aws_iam_role.ops.name
  policy_arn = each.value
}
