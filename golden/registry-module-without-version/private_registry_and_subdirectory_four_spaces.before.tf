module "net" {
    source = "app.terraform.io/acme/network/aws"
}

module "iam_role" {
    source  = "terraform-aws-modules/iam/aws//modules/iam-assumable-role"
    version = "~> 5.0"
}
