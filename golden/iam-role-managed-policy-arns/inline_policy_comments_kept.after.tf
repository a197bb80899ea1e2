resource "aws_iam_role" "ops" {
  name               = "ops"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

# Lets ops read parameters.
# owned by the platform team
# see ticket OPS-123
resource "aws_iam_role_policy" "ops_ssm_read" {
  role = aws_iam_role.ops.name
  # Parameter Store only.
  name   = "ssm-read" # keep this name
  policy = data.aws_iam_policy_document.ssm_read.json
}
