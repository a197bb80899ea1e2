resource "aws_s3_bucket" "b" {
  bucket = "${var.prefix}-b"
}

resource "aws_s3_bucket_acl" "b" {
  bucket = aws_s3_bucket.b.id
  acl    = lookup(var.acls, terraform.workspace, "private")
}

resource "aws_s3_bucket_versioning" "b" {
  bucket = aws_s3_bucket.b.id

  versioning_configuration {
    # TODO(tffix:aws-s3-bucket-v4): "Suspended" is right only if versioning was ever enabled on this bucket; otherwise use "Disabled"
    status = var.versioning || terraform.workspace == "prod" ? "Enabled" : "Suspended"
  }
}

resource "aws_s3_bucket_logging" "b" {
  bucket        = aws_s3_bucket.b.id
  target_bucket = var.log_bucket != "" ? var.log_bucket : null
  target_prefix = "${var.prefix}/${terraform.workspace}/"
}
