resource "aws_s3_bucket" "logs" {
  bucket = var.bucket_name

  tags = {
    Name        = var.bucket_name
    Environment = "staging"
  }
}
