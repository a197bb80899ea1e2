resource "aws_s3_bucket" "b" {
  bucket = "acme-b"

  grant {
    type        = "Group"
    permissions = var.permissions
    uri         = "http://acs.amazonaws.com/groups/global/AllUsers"
  }
}
