data "aws_iam_policy_document" "assume" {
    statement {
        actions = ["sts:AssumeRole"]

        principals {
            type        = "Service"
            identifiers = ["vpc-flow-logs.amazonaws.com"]
        }
    }
}

resource "aws_iam_role" "flow_logs" {
    name               = "flow-logs"
    assume_role_policy = data.aws_iam_policy_document.assume.json
}

data "aws_iam_policy_document" "flow_logs" {
    statement {
        actions = [
            "cloudwatch:PutMetricData",
            "logs:CreateLogGroup",
            "logs:CreateLogStream",
            "logs:PutLogEvents",
            "logs:DescribeLogGroups",
            "logs:DescribeLogStreams"
        ]
        resources = ["*"]
    }
}

resource "aws_iam_role_policy" "flow_logs" {
    name   = "flow-logs"
    role   = aws_iam_role.flow_logs.id
    policy = data.aws_iam_policy_document.flow_logs.json
}

resource "aws_iam_policy" "also_for_people" {
    name   = "logs"
    policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "logs:*", Resource = "*" }] })
}

resource "aws_iam_role_policy_attachment" "also_for_people" {
    role       = aws_iam_role.flow_logs.name
    policy_arn = aws_iam_policy.also_for_people.arn
}

resource "aws_iam_user_policy_attachment" "also_for_people" {
    user       = "ops"
    policy_arn = aws_iam_policy.also_for_people.arn
}
