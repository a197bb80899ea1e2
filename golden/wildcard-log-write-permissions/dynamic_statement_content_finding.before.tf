data "aws_iam_policy_document" "writers" {
  dynamic "statement" {
    for_each = var.log_writers
    content {
      sid       = statement.key
      actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
      resources = ["*"]
    }
  }

  dynamic "statement" {
    for_each = var.readers
    content {
      actions   = ["logs:GetLogEvents"]
      resources = ["*"]
    }
  }
}
