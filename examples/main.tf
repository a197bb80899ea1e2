# An example stack with the mistakes tffix is built to repair.
terraform {
  backend "s3" {
    bucket = "state-${var.environment_suffix}"   # Terraform rejects variables here
    key    = "app.tfstate"
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    id     = "expire"
    status = "Enabled"
    expiration {
      days = 30
    }
  }
}

resource "aws_iam_role" "app" {
  name                = "app-${var.environment_suffix}"
  assume_role_policy  = data.aws_iam_policy_document.assume.json
  managed_policy_arns = [
    "arn:aws:iam::aws:policy/ReadOnlyAccess",
  ]

  tags = {
    Environment = "production"
  }
}
