terraform {
  backend "s3" {}
}

resource "aws_s3_bucket" "b" {
  bucket = var.name
  acl    = var.acl
  policy = data.aws_iam_policy_document.b.json
}
