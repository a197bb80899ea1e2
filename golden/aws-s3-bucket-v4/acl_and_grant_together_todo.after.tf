resource "aws_s3_bucket" "b" {
  bucket = "acme-b"
  # TODO(tffix:aws-s3-bucket-v4): acl and grant together: keep one of them in aws_s3_bucket_acl
  acl = "private"
}

resource "aws_s3_bucket_acl" "b" {
  bucket = aws_s3_bucket.b.id

  access_control_policy {
    grant {
      grantee {
        type = "Group"
        uri  = "http://acs.amazonaws.com/groups/global/AllUsers"
      }
      permission = "READ"
    }
    owner {
      id = data.aws_canonical_user_id.current.id
    }
  }
}

data "aws_canonical_user_id" "current" {}
