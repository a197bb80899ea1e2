module "bucket" {
  for_each = toset(["raw", "curated"])
  source   = "./modules/bucket"
  name     = each.key
}
