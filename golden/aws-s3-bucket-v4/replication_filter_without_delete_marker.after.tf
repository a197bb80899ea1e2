resource "aws_s3_bucket" "b" {
  bucket = "acme-b"
}

resource "aws_s3_bucket_versioning" "b" {
  bucket = aws_s3_bucket.b.id

  versioning_configuration {
    status = "Enabled"
  }
}

# cross-region copy
# to eu-west-1
resource "aws_s3_bucket_replication_configuration" "b" {
  bucket = aws_s3_bucket.b.id
  role   = aws_iam_role.replication.arn

  rule {
    id     = "v1"
    prefix = "v1/"
    status = "Enabled"

    destination {
      bucket = aws_s3_bucket.destination.arn
    }
  }

  rule {
    id       = "foobar"
    priority = 1
    status   = "Enabled"

    filter {
      # only the replicated ones
      tag {
        key   = "replicate"
        value = "yes"
      }
    }

    destination {
      bucket        = aws_s3_bucket.destination.arn
      storage_class = "STANDARD"
      encryption_configuration {
        replica_kms_key_id = aws_kms_key.replica.arn
      }
      account = "123456789012"

      access_control_translation {
        owner = "Destination"
      }

      replication_time {
        status = "Enabled"
        time {
          minutes = 15
        }
      }

      metrics {
        status = "Enabled"
        event_threshold {
          minutes = 15
        }
      }
    }

    delete_marker_replication {
      status = "Disabled"
    }
  }

  depends_on = [aws_s3_bucket_versioning.b]
}
