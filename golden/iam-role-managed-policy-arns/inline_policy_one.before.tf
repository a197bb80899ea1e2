resource "aws_iam_role" "lambda" {
  name               = "lambda"
  assume_role_policy = data.aws_iam_policy_document.assume.json

  inline_policy {
    name   = "logs"
    policy = data.aws_iam_policy_document.logs.json
  }
}
