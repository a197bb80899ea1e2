locals {
  name = "app"
  env  = "prod" # where it runs
  full = "${local.name}-${local.env}"
}

output "env" {
  value = local.env
}
