resource "aws_s3_bucket" "b" {
  bucket = "acme-b"
  acl    = "private"

  grant {
    type        = "Group"
    permissions = ["READ"]
    uri         = "http://acs.amazonaws.com/groups/global/AllUsers"
  }
}
