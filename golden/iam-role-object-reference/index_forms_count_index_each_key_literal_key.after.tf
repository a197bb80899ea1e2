resource "aws_iam_role" "worker" {
  count              = 2
  name               = "worker-${count.index}"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

resource "aws_iam_role_policy_attachment" "worker" {
  count      = 2
  role       = aws_iam_role.worker[count.index].name
  policy_arn = aws_iam_policy.worker.arn
}

resource "aws_iam_role" "service" {
  for_each           = toset(["api", "jobs"])
  name               = each.key
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

resource "aws_iam_instance_profile" "service" {
  for_each = aws_iam_role.service
  name     = each.key
  role     = aws_iam_role.service[each.key].name
}

resource "aws_lambda_function" "jobs" {
  function_name = "jobs"
  role          = aws_iam_role.service["jobs"].arn
  handler       = "index.handler"
  runtime       = "python3.12"
  filename      = "jobs.zip"
}
