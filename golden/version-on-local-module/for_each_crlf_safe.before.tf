module "bucket" {
  for_each = toset(["raw", "curated"])
  source   = "./modules/bucket"
  version  = "0.1.0"
  name     = each.key
}
