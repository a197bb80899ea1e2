resource "aws_s3_bucket" "b" {
  for_each = toset(["alpha", "beta"])

  bucket = "acme-${each.key}"
}

resource "aws_s3_bucket_acl" "b" {
  for_each = toset(["alpha", "beta"])

  bucket = aws_s3_bucket.b[each.key].id
  acl    = "private"
}

resource "aws_s3_bucket_logging" "b" {
  for_each = toset(["alpha", "beta"])

  bucket        = aws_s3_bucket.b[each.key].id
  target_bucket = "acme-logs"
  target_prefix = "${each.key}/"
}
