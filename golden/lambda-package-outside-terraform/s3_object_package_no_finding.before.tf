resource "aws_lambda_function" "main" {
  function_name    = "app"
  role             = aws_iam_role.lambda.arn
  handler          = "index.handler"
  runtime          = "python3.11"
  s3_bucket        = aws_s3_object.package.bucket
  s3_key           = aws_s3_object.package.key
  source_code_hash = aws_s3_object.package.checksum_sha256
}

resource "aws_lambda_function" "image" {
  function_name = "image"
  role          = aws_iam_role.lambda.arn
  package_type  = "Image"
  image_uri     = "${aws_ecr_repository.app.repository_url}:latest"
}
