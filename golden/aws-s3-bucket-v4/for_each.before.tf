resource "aws_s3_bucket" "b" {
  for_each = toset(["alpha", "beta"])

  bucket = "acme-${each.key}"
  acl    = "private"

  logging {
    target_bucket = "acme-logs"
    target_prefix = "${each.key}/"
  }
}
