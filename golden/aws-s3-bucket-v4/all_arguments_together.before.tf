resource "aws_s3_bucket" "all" {
  bucket              = "acme-all"
  acl                 = "log-delivery-write"
  policy              = data.aws_iam_policy_document.all.json
  request_payer       = "BucketOwner"
  acceleration_status = "Suspended"
  force_destroy       = true

  versioning {
    enabled = true
  }

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "AES256"
      }
    }
  }

  lifecycle_rule {
    id      = "logs"
    enabled = true
    prefix  = "logs/"

    noncurrent_version_expiration {
      days = 30
    }
  }

  logging {
    target_bucket = "acme-logs"
  }

  cors_rule {
    allowed_methods = ["GET"]
    allowed_origins = ["*"]
  }

  website {
    index_document = "index.html"
  }

  object_lock_configuration {
    object_lock_enabled = "Enabled"
  }

  tags = {
    Name = "all"
  }
}
