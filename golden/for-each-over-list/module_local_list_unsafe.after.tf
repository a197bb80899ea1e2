locals {
  environments = ["dev", "prod"]
  clusters     = [{ name = "a" }]
}

module "env" {
  source   = "./modules/env"
  for_each = toset(local.environments)
  name     = each.key
}

module "cluster" {
  source   = "./modules/cluster"
  for_each = local.clusters
  name     = each.value.name
}
