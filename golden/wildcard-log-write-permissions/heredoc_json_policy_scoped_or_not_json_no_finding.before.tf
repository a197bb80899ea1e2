resource "aws_iam_role_policy" "lambda_logs" {
  role = aws_iam_role.lambda.id

  policy = <<-EOT
    {
      "Statement": [{
        "Effect": "Allow",
        "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
        "Resource": "${aws_cloudwatch_log_group.lambda.arn}:*"
      }, {
        "Effect": "Deny",
        "Action": "logs:PutLogEvents",
        "Resource": "*"
      }]
    }
  EOT
}

resource "aws_iam_policy" "templated" {
  policy = "${data.aws_iam_policy_document.logs.json}"
}

resource "aws_iam_policy" "broken" {
  policy = <<EOT
{ "Statement": [ "logs:PutLogEvents", "*" ] }
EOT
}

data "aws_iam_policy_document" "interpolated" {
  statement {
    actions   = ["logs:PutLogEvents"]
    resources = ["arn:aws:logs:${var.region}:${var.account}:log-group:${var.name}:*"]
  }
}
