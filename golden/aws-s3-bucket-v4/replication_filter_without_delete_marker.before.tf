resource "aws_s3_bucket" "b" {
  bucket = "acme-b"

  versioning {
    enabled = true
  }

  # cross-region copy
  replication_configuration { # to eu-west-1
    role = aws_iam_role.replication.arn

    rules {
      id     = "v1"
      prefix = "v1/"
      status = "Enabled"

      destination {
        bucket = aws_s3_bucket.destination.arn
      }
    }

    rules {
      id       = "foobar"
      priority = 1
      status   = "Enabled"

      filter {
        # only the replicated ones
        tags = {
          replicate = "yes"
        }
      }

      destination {
        bucket             = aws_s3_bucket.destination.arn
        storage_class      = "STANDARD"
        replica_kms_key_id = aws_kms_key.replica.arn
        account_id         = "123456789012"

        access_control_translation {
          owner = "Destination"
        }

        replication_time {
          status  = "Enabled"
          minutes = 15
        }

        metrics {
          status  = "Enabled"
          minutes = 15
        }
      }
    }
  }
}
