variable "env" {
  type = string
}

resource "aws_kms_alias" "main" {
  name          = "alias/payments-${var.env}" # customer-managed key
  target_key_id = aws_kms_key.main.key_id
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/ecs/payments-${var.env}"
  retention_in_days = 14
}
