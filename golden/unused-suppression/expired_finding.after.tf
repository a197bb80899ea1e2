resource "aws_s3_bucket" "a" {
  tags = {
    Environment = var.environment # tffix:ignore TFX101 exp:2001-02-03
  }
}

variable "environment" {
  default = "prod"
}
