resource "aws_s3_bucket" "logs" {
  bucket = "logs"
  lifecycle_rule {
    enabled = true
    expiration {
      days = 30
    }
  }
}
