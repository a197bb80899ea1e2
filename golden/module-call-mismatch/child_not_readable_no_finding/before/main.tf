module "broken" {
  source = "./modules/broken"

  anything = true
}

module "json" {
  source = "./modules/json"

  whatever = 1
}

module "remote" {
  source = "git::https://example.com/network.git//modules/vpc?ref=v1.2.0"

  not_checked = true
}

output "x" {
  value = module.json.not_declared_here
}
