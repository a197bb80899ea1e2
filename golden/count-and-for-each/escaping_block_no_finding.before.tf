module "legacy" {
  source = "./modules/legacy"
  count  = 1

  _ {
    for_each = "not a meta-argument here"
  }
}
