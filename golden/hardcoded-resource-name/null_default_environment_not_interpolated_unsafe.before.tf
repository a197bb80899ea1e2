variable "environment" {
  type    = string
  default = null # set by the caller's context
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}
