module "logs" {
  source = "./modules/bucket"
}

module "data" {
  for_each = toset(["raw", "clean"])
  source   = "./modules/bucket"
}

output "logs_arn" {
  value = module.logs.arn
}

output "data_arns" {
  value = { for k, m in module.data : k => m.arn }
}

output "raw_arn" {
  value = "${module.data["raw"].arn} and ${module.logs.bucket_id}"
}
