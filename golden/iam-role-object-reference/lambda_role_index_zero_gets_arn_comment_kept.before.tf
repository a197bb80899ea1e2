resource "aws_iam_role" "exec" {
  count              = 1
  name               = "lambda-exec"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
}

resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = aws_iam_role.exec[0] # execution role
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "api.zip"
}
