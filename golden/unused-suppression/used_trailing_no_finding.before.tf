resource "aws_s3_bucket" "a" {
  tags = {
    Environment = "prod" # tffix:ignore TFX101 -- accepted
  }
}
