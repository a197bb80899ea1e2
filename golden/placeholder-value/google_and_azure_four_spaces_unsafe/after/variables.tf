variable "project" {
    description = "provider.google project (the code held a placeholder)."
    type        = string
}

variable "dns_name" {
    description = "google_dns_managed_zone.main dns_name (the code held a placeholder)."
    type        = string
}

variable "tenant_id" {
    description = "azurerm_key_vault.main tenant_id (the code held a placeholder)."
    type        = string
}
