variable "environment" {
  type    = string
  default = "blue"
}

resource "aws_s3_bucket" "a" {
  bucket = "a"

  tags = {
    Environment = var.environment
    Stage       = "prod-like"
  }
}
