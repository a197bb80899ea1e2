variable "environment" {
  type    = string
  default = "prod"
}

resource "aws_s3_bucket" "a" {
  bucket = "a"

  tags = {
    Deployment  = var.environment
    Env         = "prod"
    Environment = var.environment
  }
}
