resource "aws_s3_bucket" "legacy" {
  bucket = "legacy-bucket"

  lifecycle_rule {
    id      = "expire"
    enabled = true
    prefix  = "tmp/"

    expiration {
      days = 30
    }
  }

  lifecycle_rule {
    enabled = true

    rule {
      id = "not-a-lifecycle-configuration"
    }
  }
}
