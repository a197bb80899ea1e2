resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = aws_iam_role.api.arn # execution role
  handler       = "index.handler"      # entry point
  runtime       = "nodejs20.x"         # LTS
  filename      = "build/api.zip"      # built by CI
}

resource "aws_iam_policy_attachment" "read_only" {
  name = "read-only"
  roles = [
    aws_iam_role.api.name,      # lambda
    aws_iam_role.worker_a.name, # batch
  ]
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
