resource "aws_iam_role" "first" {
  name               = "first"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

resource "aws_iam_role_policy_attachment" "first" {
  role       = aws_iam_role.first.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_role" "second" {
  name               = "second"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

resource "aws_iam_role_policy_attachment" "second" {
  for_each = {
    AmazonS3ReadOnlyAccess  = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"
    AmazonSQSReadOnlyAccess = "arn:aws:iam::aws:policy/AmazonSQSReadOnlyAccess"
  }

  role       = aws_iam_role.second.name
  policy_arn = each.value
}
