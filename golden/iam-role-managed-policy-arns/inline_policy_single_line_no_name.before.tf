resource "aws_iam_role" "a" {
  name               = "a"
  assume_role_policy = data.aws_iam_policy_document.assume.json
  inline_policy { policy = data.aws_iam_policy_document.x.json }
}
