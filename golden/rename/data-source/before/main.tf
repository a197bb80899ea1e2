data "aws_iam_policy_document" "read" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "read" {
  name   = "read"
  policy = data.aws_iam_policy_document.read.json
}

resource "aws_iam_role_policy" "inline" {
  role   = "app"
  policy = "${data.aws_iam_policy_document.read.json}"
}
