variable "environment" {
  type = map(string)
}

resource "aws_sns_topic" "alerts" {
  tags = {
    Environment = "prod"
  }
}
