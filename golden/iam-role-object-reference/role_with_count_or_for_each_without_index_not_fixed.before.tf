resource "aws_iam_role" "lambda" {
  count              = var.create_role ? 1 : 0
  name               = "lambda"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
}

resource "aws_iam_role_policy" "s3" {
  role   = aws_iam_role.lambda
  policy = data.aws_iam_policy_document.s3.json
}

resource "aws_iam_role" "service" {
  for_each           = toset(["api", "jobs"])
  name               = each.key
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
}

resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = aws_iam_role.service
  handler       = "index.handler"
  runtime       = "python3.12"
  filename      = "api.zip"
}
