resource "aws_s3_bucket" "b" {
  bucket = "acme-b"

  lifecycle_rule {
    id      = "dated"
    enabled = true
    prefix  = ""

    expiration {
      date = "2023-01-12"
    }

    transition {
      date          = "2022-12-01"
      storage_class = "GLACIER"
    }

    transition {
      date          = var.archive_date
      storage_class = "DEEP_ARCHIVE"
    }
  }
}
