module "storage" {
    source   = "./storage"
    location = "westeurope"
}

module "missing" {
    source = "./modules/does-not-exist"
}

output "account" {
    value = module.storage.account_name
}

output "key" {
    value = module.storage.primary_key
}
