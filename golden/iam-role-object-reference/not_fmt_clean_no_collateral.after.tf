resource "aws_iam_role_policy_attachment" "a" {
  role = aws_iam_role.lambda.name
  policy_arn    =  "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_instance_profile" "p" {
  name="p"
  role = aws_iam_role.lambda.name
}
