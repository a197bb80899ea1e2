variable "environment" {
  type = map(string)
}

resource "aws_sns_topic" "alerts" {
  tags = {
    Environment = var.environment_2
  }
}

variable "environment_2" {
  description = "Deployment environment, used in tags."
  type        = string
  default     = "prod"
}
