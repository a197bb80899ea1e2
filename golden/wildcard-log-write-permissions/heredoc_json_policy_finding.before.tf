resource "aws_iam_role_policy" "lambda_logs" {
  name = "lambda-logs"
  role = aws_iam_role.lambda.id

  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
      "Resource": "arn:aws:logs:*:${data.aws_caller_identity.current.account_id}:*"
    },
    {
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "${aws_s3_bucket.artifacts.arn}/*"
    }
  ]
}
EOF
}

resource "aws_iam_policy" "writer" {
  policy = "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"logs:PutLogEvents\", \"Resource\": \"*\"}}"
}
