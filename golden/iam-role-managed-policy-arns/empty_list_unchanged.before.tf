resource "aws_iam_role" "locked" {
  name                = "locked"
  assume_role_policy  = data.aws_iam_policy_document.assume.json
  managed_policy_arns = []
}
