variable "app_name" {
  type = string
}

resource "aws_iam_role" "lambda" {
  name               = "${var.app_name}-lambda"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
}

resource "aws_iam_role_policy" "lambda_s3_us_east_1" {
  name = "${var.app_name}-lambda-s3-us-east-1"
  role = aws_iam_role.lambda
}
