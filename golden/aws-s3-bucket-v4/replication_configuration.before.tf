resource "aws_s3_bucket" "b" {
  bucket = "acme-b"

  versioning {
    enabled = true
  }

  replication_configuration {
    role = aws_iam_role.replication.arn

    rules {
      id       = "foobar"
      priority = 1
      status   = "Enabled"

      delete_marker_replication_status = "Enabled"

      filter {
        prefix = "foo/"
        tags = {
          replicate = "yes"
        }
      }

      source_selection_criteria {
        sse_kms_encrypted_objects {
          enabled = true
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
