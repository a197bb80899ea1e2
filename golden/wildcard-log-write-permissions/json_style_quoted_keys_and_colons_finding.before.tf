resource "aws_iam_policy" "lambda_logging" {
  name = "lambda-logging"

  policy = jsonencode({
    "Version" : "2012-10-17",
    "Statement" : [
      {
        "Effect" : "Allow",
        "Action" : [
          "logs:CreateLogStream",
          "logs:PutLogEvents"
        ],
        "Resource" : ["*"]
      }
    ]
  })
}
