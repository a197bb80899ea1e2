resource "aws_lambda_function" "api" {
  function_name = "orders-api-${var.stage}"
  role          = aws_iam_role.api.arn
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = data.archive_file.api.output_path
}

resource "aws_ecr_repository" "api" {
  name = "orders-api-${var.stage}"
}
