variable "tenant" {
        type = string
}

resource "aws_sqs_queue" "jobs" {
        name = "jobs"
}
