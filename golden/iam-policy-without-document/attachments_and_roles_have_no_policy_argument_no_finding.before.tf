data "aws_iam_policy" "read_only" {
  name = "ReadOnlyAccess"
}

resource "aws_iam_role" "lambda" {
  name               = "lambda"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

resource "aws_iam_role_policy_attachment" "read_only" {
  role       = aws_iam_role.lambda.name
  policy_arn = data.aws_iam_policy.read_only.arn
}

resource "aws_iam_user_policy_attachment" "read_only" {
  user       = aws_iam_user.ci.name
  policy_arn = data.aws_iam_policy.read_only.arn
}

resource "aws_iam_policy_attachment" "read_only" {
  name       = "read-only"
  groups     = [aws_iam_group.ops.name]
  policy_arn = data.aws_iam_policy.read_only.arn
}
