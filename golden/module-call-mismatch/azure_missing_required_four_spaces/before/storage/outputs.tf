output "storage_account_name" {
    value = "st"
}

output "primary_key" {
    value     = "k"
    sensitive = true
}
