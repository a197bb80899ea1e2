resource "aws_iam_role_policy" "by_id" {
  role   = aws_iam_role.lambda.id
  policy = data.aws_iam_policy_document.s3.json
}

resource "aws_iam_role_policy_attachment" "by_name" {
  role       = aws_iam_role.lambda.name
  policy_arn = aws_iam_policy.s3.arn
}

resource "aws_lambda_function" "by_arn" {
  function_name = "by-arn"
  role          = aws_iam_role.lambda.arn
  handler       = "index.handler"
  runtime       = "python3.12"
  filename      = "fn.zip"
}

resource "aws_sfn_state_machine" "by_index_then_arn" {
  name       = "by-index-then-arn"
  role_arn   = aws_iam_role.sfn[0].arn
  definition = "{}"
}

resource "aws_iam_instance_profile" "by_name_from_each" {
  for_each = aws_iam_role.service
  role     = aws_iam_role.service[each.key].name
}

# unique_id is not the name either, but it is a string: not this rule's business.
resource "aws_iam_role_policy" "unique_id_is_a_string" {
  role   = aws_iam_role.lambda.unique_id
  policy = data.aws_iam_policy_document.s3.json
}
