resource "aws_s3_bucket" "logs" {
  bucket        = "acme-logs"
  force_destroy = "true"

  tags = {
    Env  = "qa"
    Team = "platform" # who to call
  }
}

resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs.id

  versioning_configuration {
    status = "Enabled"
  }
}
