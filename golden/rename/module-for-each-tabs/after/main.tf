module "stores" {
	for_each = toset(["a", "b"])
	source   = "./modules/bucket"
	name     = each.key
}

output "arns" {
	value = { for k, m in module.stores : k => m.arn }
}

output "first" {
	value = module.stores["a"].arn
}
