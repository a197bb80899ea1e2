resource "aws_iam_role" "service" {
  name               = "service"
  assume_role_policy = data.aws_iam_policy_document.assume.json

  managed_policy_arns = [
    "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
    "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy",
  ]

  inline_policy {
    name   = "extra"
    policy = data.aws_iam_policy_document.extra.json
  }
}
