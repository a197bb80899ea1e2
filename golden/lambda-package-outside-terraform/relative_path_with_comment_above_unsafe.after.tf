data "archive_file" "processor" {
  type        = "zip"
  source_dir  = "${path.module}/src/processor"
  output_path = "${path.module}/build/processor.zip"
}

# Order processor; the zip is built by scripts/build.sh
resource "aws_lambda_function" "processor" {
  function_name    = "processor"
  role             = aws_iam_role.lambda.arn
  handler          = "index.handler"
  runtime          = "nodejs20.x"
  filename         = data.archive_file.processor.output_path
  source_code_hash = data.archive_file.processor.output_base64sha256
}
