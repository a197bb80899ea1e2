module "buckets" {
	for_each = toset(["a", "b"])
	source   = "./modules/bucket"
	name     = each.key
}

output "arns" {
	value = { for k, m in module.buckets : k => m.arn }
}

output "first" {
	value = module.buckets["a"].arn
}
