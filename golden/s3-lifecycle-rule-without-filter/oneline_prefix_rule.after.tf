resource "aws_s3_bucket_lifecycle_configuration" "a" {
  bucket = "my-bucket"

  rule {
    filter {
      prefix = "logs/"
    }
  }
}
