variable "lambda_role_arn" {
  type = string
}

locals {
  sfn_role_arn = module.iam.sfn_role_arn
}

resource "aws_iam_role_policy" "from_module" {
  role   = module.iam.role
  policy = data.aws_iam_policy_document.s3.json
}

resource "aws_lambda_function" "from_variable" {
  function_name = "from-variable"
  role          = var.lambda_role_arn
  handler       = "index.handler"
  runtime       = "python3.12"
  filename      = "fn.zip"
}

resource "aws_sfn_state_machine" "from_local" {
  name       = "from-local"
  role_arn   = local.sfn_role_arn
  definition = "{}"
}

resource "aws_iam_role_policy_attachment" "from_each_value" {
  for_each   = aws_iam_role.service
  role       = each.value.name
  policy_arn = aws_iam_policy.service.arn
}
