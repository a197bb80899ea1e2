# Order processor; the zip is built by scripts/build.sh
resource "aws_lambda_function" "processor" {
  function_name    = "processor"
  role             = aws_iam_role.lambda.arn
  handler          = "index.handler"
  runtime          = "nodejs20.x"
  filename         = "build/processor.zip"
  source_code_hash = filebase64sha256("build/processor.zip")
}
