# The assets bucket.
resource "aws_s3_bucket" "assets" {
  bucket = "acme-assets" # fixed name
  # ACLs are legacy, but this one is still needed
  acl = "private" # see ticket 12

  // versioning protects against deletes
  versioning { # the only way in v3
    # on for compliance
    enabled = true # required
    # mfa later
  } # end versioning

  lifecycle_rule {
    # rule id from the console
    id = "cleanup"
    # turned on in 2021
    enabled = true # yes
    # only temp files
    prefix = "tmp/" # temp
    # one tag
    tags = {
      # the cleanup tag
      autoclean = "true" # on
    }
    /* expire soon */
    expiration {
      days = 1 # one day
    }
    noncurrent_version_expiration {
      # old versions
      days = 2 # two days
    }
    abort_incomplete_multipart_upload_days = 1 # uploads
  }

  # access logs
  logging {
    target_bucket = "acme-logs" # central
  }

  tags = {
    Name = "assets" # tag
  }
}
