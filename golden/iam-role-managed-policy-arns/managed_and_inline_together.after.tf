resource "aws_iam_role" "service" {
  name               = "service"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

resource "aws_iam_role_policy_attachment" "service" {
  for_each = {
    AmazonSSMManagedInstanceCore = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
    CloudWatchAgentServerPolicy  = "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy"
  }

  role       = aws_iam_role.service.name
  policy_arn = each.value
}

resource "aws_iam_role_policy" "service_extra" {
  role   = aws_iam_role.service.name
  name   = "extra"
  policy = data.aws_iam_policy_document.extra.json
}
