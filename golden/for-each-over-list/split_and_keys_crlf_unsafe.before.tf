variable "users" {
  type = map(string)
}

resource "aws_iam_user" "by_key" {
  for_each = keys(var.users)
  name     = each.key
}

data "aws_route53_zone" "zones" {
  for_each = split(",", "a.example.com,b.example.com")
  name     = each.key
}

module "per_region" {
  source   = "./modules/region"
  for_each = [for r in ["eu", "us"] : "${r}-1"]
  region   = each.key
}
