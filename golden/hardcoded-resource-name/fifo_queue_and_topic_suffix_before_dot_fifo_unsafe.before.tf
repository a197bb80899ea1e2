variable "environment_suffix" {
  type = string
}

resource "aws_sqs_queue" "orders" {
  name                        = "orders.fifo"
  fifo_queue                  = true
  content_based_deduplication = true
}

resource "aws_sns_topic" "events" {
  name       = "events.fifo"
  fifo_topic = true
}
