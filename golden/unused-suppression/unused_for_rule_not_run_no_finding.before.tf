resource "aws_s3_bucket" "a" {
  bucket = "a" // tffix:ignore TFX101
}
