resource "aws_iam_role" "ci" {
  name               = "ci"
  assume_role_policy = data.aws_iam_policy_document.assume.json

  inline_policy {
    name = "placeholder"
  }
}
