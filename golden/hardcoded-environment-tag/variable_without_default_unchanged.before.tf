variable "environment" {
  type = string
}

resource "aws_s3_bucket" "a" {
  bucket = "a"

  tags = {
    Environment = "prod"
  }
}
