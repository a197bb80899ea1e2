provider "google" {
    project = "<your-gcp-project>"
    region  = "europe-west1"
}

resource "google_dns_managed_zone" "main" {
    name     = "main"
    dns_name = "example.com."
}

resource "azurerm_key_vault" "main" {
    name                = "kv-main"
    location            = "westeurope"
    resource_group_name = "rg-main"
    sku_name            = "standard"
    tenant_id           = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"
}

resource "azurerm_storage_account" "real" {
    name                     = "stmain0042"
    resource_group_name      = "rg-main"
    location                 = "westeurope"
    account_tier             = "Standard"
    account_replication_type = "GRS"
}
