resource "azurerm_resource_group" "main" {
    name     = "rg-app"
    location = "westeurope"
}

resource "azurerm_storage_account" "logs" {
    name                     = "stlogs"
    resource_group_name      = azurerm_resource_group.mian.name
    location                 = azurerm_resource_group.main.location
    account_tier             = "Standard"
    account_replication_type = "LRS"
}
