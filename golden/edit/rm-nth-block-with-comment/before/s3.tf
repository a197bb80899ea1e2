resource "aws_s3_bucket" "logs" {
  bucket = "my-logs"
}

resource "aws_s3_bucket_lifecycle_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    id     = "expire"
    status = "Enabled"

    expiration {
      days = 90
    }
  }

  # Old objects move to Glacier.
  rule {
    id     = "archive"
    status = "Enabled" # for now

    transition {
      days          = 30
      storage_class = "GLACIER"
    }
  }

  rule {
    id     = "abort"
    status = "Disabled"
  }
}

moved {
  from = aws_s3_bucket.old
  to   = aws_s3_bucket.logs
}

import {
  to = aws_s3_bucket.logs
  id = "my-logs"
}
