/* tffix:ignore-file TFX101 -- generated */
resource "aws_s3_bucket" "a" {
  tags = {
    Environment = "prod"
  }
}
