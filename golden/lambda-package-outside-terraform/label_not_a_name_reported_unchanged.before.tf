resource "aws_lambda_function" "app \"v2\"" {
  function_name = "app"
  filename      = "${path.module}/app.zip"
}
