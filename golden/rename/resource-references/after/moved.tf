moved {
  from = aws_s3_bucket.logs
  to   = aws_s3_bucket.access_logs
}
