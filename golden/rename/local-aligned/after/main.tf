locals {
  name        = "app"
  environment = "prod" # where it runs
  full        = "${local.name}-${local.environment}"
}

output "env" {
  value = local.environment
}
