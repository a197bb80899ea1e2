variable "region" {
  type    = string
  default = "us-east-1"
}

resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs-${var.environment_suffix}"
}

resource "aws_iam_role" "app" {
  name               = "app-role-${var.environment_suffix}"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

variable "environment_suffix" {
  description = "Environment name, appended to names that must be unique."
  type        = string
}
