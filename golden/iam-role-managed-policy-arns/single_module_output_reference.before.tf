module "boundary" {
  source = "./modules/boundary"
}

resource "aws_iam_role" "app" {
  name                = "app"
  assume_role_policy  = data.aws_iam_policy_document.assume.json
  managed_policy_arns = [module.boundary.policy_arn]
}
