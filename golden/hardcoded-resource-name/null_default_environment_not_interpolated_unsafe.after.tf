variable "environment" {
  type    = string
  default = null # set by the caller's context
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs-${var.environment_2}"
}

variable "environment_2" {
  description = "Environment name, appended to names that must be unique."
  type        = string
}
