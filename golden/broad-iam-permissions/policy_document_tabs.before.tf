data "aws_iam_policy_document" "lambda" {
	statement {
		sid       = "Everything"
		actions   = ["ec2:Describe*", "ec2:*"]
		resources = ["*"]
	}

	statement {
		actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
		resources = ["${aws_cloudwatch_log_group.lambda.arn}:*"]
	}

	dynamic "statement" {
		for_each = var.extra_services
		content {
			actions   = ["${statement.value}:*"]
			resources = ["*"]
		}
	}
}
