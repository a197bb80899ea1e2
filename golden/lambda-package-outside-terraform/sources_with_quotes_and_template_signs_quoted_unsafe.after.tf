data "archive_file" "main" {
  type        = "zip"
  source_dir  = "${path.module}/src \"v2\" $${stage}\\%%{ x }"
  output_path = "${path.module}/build/app \"v2\" $${stage}.zip"
}

resource "aws_lambda_function" "main" {
  function_name    = "app"
  handler          = "index.handler"
  runtime          = "python3.11"
  filename         = data.archive_file.main.output_path
  source_code_hash = data.archive_file.main.output_base64sha256
}
