resource "aws_s3_bucket" "b" {
  bucket = "${var.prefix}-b"
  acl    = lookup(var.acls, terraform.workspace, "private")

  logging {
    target_bucket = var.log_bucket != "" ? var.log_bucket : null
    target_prefix = "${var.prefix}/${terraform.workspace}/"
  }

  versioning {
    enabled = var.versioning || terraform.workspace == "prod"
  }
}
