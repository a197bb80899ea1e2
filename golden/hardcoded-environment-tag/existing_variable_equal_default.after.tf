variable "environment" {
  description = "Deployment environment."
  type        = string
  default     = "production"
}

resource "aws_s3_bucket" "assets" {
  bucket = "assets"

  tags = {
    Environment = var.environment
  }
}
