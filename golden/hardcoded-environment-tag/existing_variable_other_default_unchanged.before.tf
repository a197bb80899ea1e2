variable "environment" {
  description = "Deployment environment."
  type        = string
  default     = "dev"
}

resource "aws_s3_bucket" "assets" {
  bucket = "assets"

  tags = {
    Environment = "production"
  }
}
