variable "users" {
  type = map(string)
}

resource "aws_iam_user" "by_key" {
  for_each = toset(keys(var.users))
  name     = each.key
}

data "aws_route53_zone" "zones" {
  for_each = toset(split(",", "a.example.com,b.example.com"))
  name     = each.key
}

module "per_region" {
  source   = "./modules/region"
  for_each = toset([for r in ["eu", "us"] : "${r}-1"])
  region   = each.key
}
