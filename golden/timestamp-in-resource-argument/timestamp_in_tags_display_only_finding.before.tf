resource "aws_s3_bucket" "logs" {
  bucket = "app-logs"

  tags = {
    Name      = "app-logs"
    CreatedAt = timestamp()
  }
}
