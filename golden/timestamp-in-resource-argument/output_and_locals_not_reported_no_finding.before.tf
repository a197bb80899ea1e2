locals {
  deployed_at = timestamp()
}

output "deployed_at" {
  value = local.deployed_at
}

output "now" {
  value = formatdate("YYYY-MM-DD", timestamp())
}
