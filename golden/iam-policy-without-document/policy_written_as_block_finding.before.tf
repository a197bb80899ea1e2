resource "aws_iam_role_policy" "s3" {
  name = "s3"
  role = aws_iam_role.lambda.name

  policy {
    statement = "s3:GetObject"
  }
}
