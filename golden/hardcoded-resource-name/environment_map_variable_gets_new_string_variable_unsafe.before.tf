variable "environment" {
  type = map(string)
  default = {
    dev  = "d"
    prod = "p"
  }
}

resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs.fifo"
}
