resource "aws_s3_bucket" "b" {
  bucket = "logs-${var.env}"
  acl    = "private"
  policy = "${data.aws_iam_policy_document.p.json}-x"
}
