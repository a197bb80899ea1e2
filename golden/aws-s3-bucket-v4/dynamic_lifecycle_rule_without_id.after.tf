resource "aws_s3_bucket" "b" {
  bucket = "acme-b"
}

resource "aws_s3_bucket_lifecycle_configuration" "b" {
  bucket = aws_s3_bucket.b.id

  dynamic "rule" {
    for_each = var.prefixes
    iterator = p
    content {
      # TODO(tffix:aws-s3-bucket-v4): v3 generated this rule's id: use the one the bucket has (terraform state show), or the plan replaces the rule
      id     = "rule-${p.key}"
      status = "Enabled"
      filter {
        prefix = p.value
      }
    }
  }
}
