variable "env" {
  type    = string
  default = "dev"
}

resource "aws_sns_topic" "alerts" {
  name = "alerts"

  tags = {
    env   = "dev"
    owner = "sre"
  }
}
