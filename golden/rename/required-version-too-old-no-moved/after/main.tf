resource "aws_s3_bucket" "access_logs" {
  bucket = "logs"
}
