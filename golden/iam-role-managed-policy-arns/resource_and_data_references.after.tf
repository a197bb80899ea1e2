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
}

resource "aws_iam_role_policy_attachment" "app" {
  for_each = {
    custom = aws_iam_policy.custom.arn
    x      = data.aws_iam_policy.x.arn
  }

  role       = aws_iam_role.app.name
  policy_arn = each.value
}
