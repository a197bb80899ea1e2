provider "google" {
    project = var.project
    region  = "europe-west1"
}

resource "google_dns_managed_zone" "main" {
    name     = "main"
    dns_name = var.dns_name
}

resource "azurerm_key_vault" "main" {
    name                = "kv-main"
    location            = "westeurope"
    resource_group_name = "rg-main"
    sku_name            = "standard"
    tenant_id           = var.tenant_id
}

resource "azurerm_storage_account" "real" {
    name                     = "stmain0042"
    resource_group_name      = "rg-main"
    location                 = "westeurope"
    account_tier             = "Standard"
    account_replication_type = "GRS"
}
