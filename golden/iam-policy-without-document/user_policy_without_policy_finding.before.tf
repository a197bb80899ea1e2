resource "aws_iam_user" "ci" {
  name = "ci-deployer"
}

resource "aws_iam_user_policy" "ci_deploy" {
  name = "ci-deploy"
  user = aws_iam_user.ci.name
}
