resource "aws_s3_bucket" "logs" {
  bucket = "acme-prod-logs" # access logs
}

resource "aws_iam_role" "app" {
  name               = "app_staging_role"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}
