resource "aws_iam_role" "lambda" {
  name               = "lambda"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

resource "aws_iam_role_policy" "lambda_logs" {
  role   = aws_iam_role.lambda.name
  name   = "logs"
  policy = data.aws_iam_policy_document.logs.json
}
