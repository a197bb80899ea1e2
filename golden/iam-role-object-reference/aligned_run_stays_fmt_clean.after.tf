resource "aws_lambda_function" "api" {
  function_name                  = "api"
  role                           = aws_iam_role.api.arn
  handler                        = "index.handler"
  runtime                        = "nodejs20.x"
  filename                       = "api.zip"
  reserved_concurrent_executions = 5
}

resource "aws_iam_role_policy" "api" {
  name   = "api"
  role   = aws_iam_role.api.name
  policy = data.aws_iam_policy_document.api.json
}
