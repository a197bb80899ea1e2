locals {
  region = "eu-west-1"
  zone   = "a"
}
output "zone" {
  value = local.zone
}
