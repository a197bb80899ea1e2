variable "environment" {
  type    = string
  default = "prod"
}

variable "suffix" {
  type    = string
  default = "a"
}

resource "aws_s3_bucket" "a" {
  bucket = "a"

  tags = {
    Name        = "production"
    Environment = "prod-${var.suffix}"
    Owner       = "prod"
  }

  tags_all = {
    Environment = "prod"
  }
}

resource "aws_s3_bucket" "b" {
  bucket = "b"

  tags = {
    Environment = "customer-facing"
    Stage       = var.environment
  }
}
