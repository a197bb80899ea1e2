resource "aws_s3_bucket" "b" {
  bucket = "acme-b"

  # TODO(tffix:aws-s3-bucket-v4): permissions is not a list: write this grant into aws_s3_bucket_acl by hand
  grant {
    type        = "Group"
    permissions = var.permissions
    uri         = "http://acs.amazonaws.com/groups/global/AllUsers"
  }
}
