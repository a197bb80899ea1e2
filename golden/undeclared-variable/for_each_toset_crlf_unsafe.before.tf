variable "bucket_prefix" {
  type = string
}

# one bucket per zone
resource "aws_s3_bucket" "zone" {
  for_each = toset(var.zones)
  bucket   = "${var.bucket_prefix}-${each.key}"
}
