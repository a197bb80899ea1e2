resource "aws_iam_role" "svc" {
  name               = "svc"
  assume_role_policy = data.aws_iam_policy_document.assume.json

  managed_policy_arns = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
  inline_policy {
    name   = "extra"
    policy = data.aws_iam_policy_document.extra.json
  }
}
