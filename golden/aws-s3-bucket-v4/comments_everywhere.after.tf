# The assets bucket.
resource "aws_s3_bucket" "assets" {
  bucket = "acme-assets" # fixed name

  tags = {
    Name = "assets" # tag
  }
}

resource "aws_s3_bucket_acl" "assets" {
  bucket = aws_s3_bucket.assets.id
  # ACLs are legacy, but this one is still needed
  acl = "private" # see ticket 12
}

resource "aws_s3_bucket_versioning" "assets" {
  bucket = aws_s3_bucket.assets.id

  // versioning protects against deletes
  versioning_configuration { # the only way in v3
    # on for compliance
    status = "Enabled" # required
    # mfa later
  } # end versioning
}

resource "aws_s3_bucket_lifecycle_configuration" "assets" {
  bucket = aws_s3_bucket.assets.id

  rule {
    # rule id from the console
    id = "cleanup"
    # turned on in 2021
    status = "Enabled" # yes
    filter {
      and {
        # only temp files
        prefix = "tmp/" # temp
        # one tag
        tags = {
          # the cleanup tag
          autoclean = "true" # on
        }
      }
    }
    /* expire soon */
    expiration {
      days = 1 # one day
    }
    noncurrent_version_expiration {
      # old versions
      noncurrent_days = 2 # two days
    }
    abort_incomplete_multipart_upload {
      days_after_initiation = 1 # uploads
    }
  }
}

# access logs
resource "aws_s3_bucket_logging" "assets" {
  bucket        = aws_s3_bucket.assets.id
  target_bucket = "acme-logs" # central
  target_prefix = ""
}
