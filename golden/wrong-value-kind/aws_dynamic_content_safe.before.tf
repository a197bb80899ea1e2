resource "aws_s3_bucket_cors_configuration" "site" {
  bucket = "acme-site"

  dynamic "cors_rule" {
    for_each = var.origins
    content {
      allowed_methods = "GET"
      allowed_origins = [cors_rule.value]
    }
  }
}

variable "origins" {
  type = list(string)
}
