data "aws_partition" "current" {}

resource "aws_iam_role" "audit" {
  name               = "audit"
  assume_role_policy = data.aws_iam_policy_document.assume.json
  managed_policy_arns = [
    "arn:${data.aws_partition.current.partition}:iam::aws:policy/ReadOnlyAccess",
    "arn:${data.aws_partition.current.partition}:iam::aws:policy/SecurityAudit",
  ]
}
