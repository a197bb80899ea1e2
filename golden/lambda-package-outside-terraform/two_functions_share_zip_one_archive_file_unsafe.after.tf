data "archive_file" "reader" {
  type        = "zip"
  source_dir  = "${path.module}/src"
  output_path = "${path.module}/dist/app.zip"
}

resource "aws_lambda_function" "reader" {
  function_name = "reader"
  role          = aws_iam_role.lambda.arn
  handler       = "reader.handler"
  runtime       = "python3.11"
  filename      = data.archive_file.reader.output_path
}

resource "aws_lambda_function" "writer" {
  function_name = "writer"
  role          = aws_iam_role.lambda.arn
  handler       = "writer.handler"
  runtime       = "python3.11"
  filename      = data.archive_file.reader.output_path
}
