variable "environment" {
  type    = string
  default = "prod"
}

resource "aws_s3_bucket" "a" {
  bucket = "a"

  tags = {
    Deployment  = "prod"
    Env         = "prod"
    Environment = "prod"
  }
}
