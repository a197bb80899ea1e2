data "aws_iam_policy_document" "read_only" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "read" {
  name   = "read"
  policy = data.aws_iam_policy_document.read_only.json
}

resource "aws_iam_role_policy" "inline" {
  role   = "app"
  policy = "${data.aws_iam_policy_document.read_only.json}"
}
