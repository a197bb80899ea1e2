resource "azurerm_storage_account" "logs" {
	name                     = "stacmelogs${var.environment_suffix}"
	resource_group_name      = "rg"
	location                 = "westeurope"
	account_tier             = "Standard"
	account_replication_type = "LRS"
}

resource "azurerm_key_vault" "main" {
	name                = "kv-acme-${var.environment_suffix}"
	location            = "westeurope"
	resource_group_name = "rg"
	tenant_id           = var.tenant_id
	sku_name            = "standard"
}

resource "azurerm_container_registry" "main" {
	name                = "acmeregistry${var.environment_suffix}"
	resource_group_name = "rg"
	location            = "westeurope"
	sku                 = "Basic"
}

resource "azurerm_resource_group" "rg" {
	name     = "rg-acme"
	location = "westeurope"
}
