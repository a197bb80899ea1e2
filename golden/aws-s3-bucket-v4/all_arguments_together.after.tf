resource "aws_s3_bucket" "all" {
  bucket        = "acme-all"
  force_destroy = true

  object_lock_enabled = true

  tags = {
    Name = "all"
  }
}

resource "aws_s3_bucket_acl" "all" {
  bucket = aws_s3_bucket.all.id
  acl    = "log-delivery-write"
}

resource "aws_s3_bucket_versioning" "all" {
  bucket = aws_s3_bucket.all.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "all" {
  bucket = aws_s3_bucket.all.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "all" {
  bucket = aws_s3_bucket.all.id

  rule {
    id     = "logs"
    status = "Enabled"
    filter {
      prefix = "logs/"
    }

    noncurrent_version_expiration {
      noncurrent_days = 30
    }
  }
}

resource "aws_s3_bucket_logging" "all" {
  bucket        = aws_s3_bucket.all.id
  target_bucket = "acme-logs"
  target_prefix = ""
}

resource "aws_s3_bucket_cors_configuration" "all" {
  bucket = aws_s3_bucket.all.id

  cors_rule {
    allowed_methods = ["GET"]
    allowed_origins = ["*"]
  }
}

resource "aws_s3_bucket_website_configuration" "all" {
  bucket = aws_s3_bucket.all.id

  index_document {
    suffix = "index.html"
  }
}

resource "aws_s3_bucket_policy" "all" {
  bucket = aws_s3_bucket.all.id
  policy = data.aws_iam_policy_document.all.json
}

resource "aws_s3_bucket_request_payment_configuration" "all" {
  bucket = aws_s3_bucket.all.id
  payer  = "BucketOwner"
}

resource "aws_s3_bucket_accelerate_configuration" "all" {
  bucket = aws_s3_bucket.all.id
  status = "Suspended"
}
