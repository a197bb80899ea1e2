output "arn" {
    value     = aws_s3_bucket.logs.arn
    sensitive = false
}
