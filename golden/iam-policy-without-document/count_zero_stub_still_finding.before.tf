variable "enable_s3" {
  type    = bool
  default = false
}

resource "aws_iam_role_policy" "s3" {
  count = var.enable_s3 ? 1 : 0

  name = "s3"
  role = aws_iam_role.lambda.name
}
