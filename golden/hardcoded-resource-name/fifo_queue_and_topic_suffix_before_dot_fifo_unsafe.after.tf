variable "environment_suffix" {
  type = string
}

resource "aws_sqs_queue" "orders" {
  name                        = "orders-${var.environment_suffix}.fifo"
  fifo_queue                  = true
  content_based_deduplication = true
}

resource "aws_sns_topic" "events" {
  name       = "events-${var.environment_suffix}.fifo"
  fifo_topic = true
}
