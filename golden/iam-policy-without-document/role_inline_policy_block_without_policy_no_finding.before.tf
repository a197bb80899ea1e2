resource "aws_iam_role" "lambda" {
  name               = "lambda"
  assume_role_policy = data.aws_iam_policy_document.assume.json

  # An empty inline_policy removes every inline policy: `policy` is optional here.
  inline_policy {}
}
