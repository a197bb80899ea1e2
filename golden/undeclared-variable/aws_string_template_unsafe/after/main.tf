resource "aws_s3_bucket" "logs" {
  bucket = "${var.prefix}-logs-${var.environment}"

  tags = {
    Environment = var.environment
  }
}
