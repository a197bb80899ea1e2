variable "environment_suffix" {
  type = string
}

data "aws_iam_role" "ci" {
  name = "shared-ci-role"
}

data "aws_s3_bucket" "artifacts" {
  bucket = "acme-shared-artifacts"
}

resource "aws_iam_role" "app" {
  name_prefix        = "app-"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

resource "aws_s3_bucket" "tmp" {
  bucket_prefix = "acme-tmp-"
}
