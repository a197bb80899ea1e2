resource "aws_iam_role" "ops" {
  name               = "ops"
  assume_role_policy = data.aws_iam_policy_document.assume.json

  # Lets ops read parameters.
  inline_policy { # owned by the platform team
    # Parameter Store only.
    name   = "ssm-read" # keep this name
    policy = data.aws_iam_policy_document.ssm_read.json
  } # see ticket OPS-123
}
