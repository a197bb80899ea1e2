variable "environment" {
  type = map(string)
  default = {
    dev  = "d"
    prod = "p"
  }
}

resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs-${var.environment_suffix}"
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs-${var.environment_suffix}.fifo"
}

variable "environment_suffix" {
  description = "Environment name, appended to names that must be unique."
  type        = string
}
