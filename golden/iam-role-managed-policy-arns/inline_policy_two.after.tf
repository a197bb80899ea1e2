resource "aws_iam_role" "lambda" {
  name               = "lambda"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

# Write logs.
resource "aws_iam_role_policy" "lambda_logs" {
  role   = aws_iam_role.lambda.name
  name   = "logs"
  policy = data.aws_iam_policy_document.logs.json
}

resource "aws_iam_role_policy" "lambda_read_table" {
  role   = aws_iam_role.lambda.name
  name   = "read-table"
  policy = data.aws_iam_policy_document.table.json
}
