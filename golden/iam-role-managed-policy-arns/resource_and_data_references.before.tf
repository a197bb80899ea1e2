resource "aws_iam_policy" "custom" {
  name   = "custom"
  policy = data.aws_iam_policy_document.custom.json
}

data "aws_iam_policy" "x" {
  name = "AmazonSSMManagedInstanceCore"
}

resource "aws_iam_role" "app" {
  name               = "app"
  assume_role_policy = data.aws_iam_policy_document.assume.json
  managed_policy_arns = [
    aws_iam_policy.custom.arn,
    data.aws_iam_policy.x.arn,
  ]
}
