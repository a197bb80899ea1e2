resource "aws_iam_role_policy" "s3" {
        name   = "s3"
        role   = aws_iam_role.lambda.name # the execution role
        policy = data.aws_iam_policy_document.s3.json
}

resource "aws_lambda_function" "fn" {
        function_name = "fn"
        role          = aws_iam_role.lambda.arn

        environment {
                variables = {
                        ROLE = aws_iam_role.lambda
                }
        }
}
