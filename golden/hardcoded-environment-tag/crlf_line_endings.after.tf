variable "environment" {
  type    = string
  default = "dev"
}

resource "aws_s3_bucket" "a" {
  bucket = "a"

  tags = {
    Environment = var.environment
    Team        = "data"
  }
}
