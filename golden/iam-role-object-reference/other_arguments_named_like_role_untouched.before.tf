resource "aws_lakeformation_permissions" "glue_read" {
  principal   = aws_iam_role.glue.arn
  permissions = ["SELECT"]

  table {
    database_name = "events"
    name          = "raw"
  }
}

resource "aws_iam_role" "replica" {
  name                 = "replica"
  assume_role_policy   = data.aws_iam_policy_document.assume.json
  permissions_boundary = aws_iam_policy.boundary.arn
}

resource "aws_cognito_identity_pool_roles_attachment" "main" {
  identity_pool_id = aws_cognito_identity_pool.main.id

  roles = {
    authenticated = aws_iam_role.authenticated.arn
  }
}

resource "aws_lambda_function" "object_of_other_type" {
  function_name = "other-type"
  role          = aws_iam_policy.not_a_role
  handler       = "index.handler"
  runtime       = "python3.12"
  filename      = "fn.zip"
}
