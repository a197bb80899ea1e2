resource "aws_iam_user" "team" {
  for_each = toset(["alice", "bob"]) # one user each
  name     = each.key
}

resource "aws_s3_bucket" "data" {
  for_each = ["raw", "raw"]
  bucket   = "acme-${each.key}"
}
