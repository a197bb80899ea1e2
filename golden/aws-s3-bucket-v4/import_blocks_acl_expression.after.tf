terraform {
  backend "s3" {}
}

resource "aws_s3_bucket" "b" {
  bucket = var.name
}

resource "aws_s3_bucket_acl" "b" {
  bucket = aws_s3_bucket.b.id
  acl    = var.acl
}

import {
  to = aws_s3_bucket_acl.b
  id = "${aws_s3_bucket.b.id},${var.acl}"
}

resource "aws_s3_bucket_policy" "b" {
  bucket = aws_s3_bucket.b.id
  policy = data.aws_iam_policy_document.b.json
}

import {
  to = aws_s3_bucket_policy.b
  id = aws_s3_bucket.b.id
}
