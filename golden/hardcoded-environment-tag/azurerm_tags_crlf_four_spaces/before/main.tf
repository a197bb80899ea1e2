resource "azurerm_resource_group" "main" {
    name     = "rg-app"
    location = "westeurope"

    tags = {
        Environment = "prod"
        Owner       = "platform"
    }
}

resource "azurerm_storage_account" "logs" {
    name                     = "stapplogs"
    resource_group_name      = azurerm_resource_group.main.name
    location                 = azurerm_resource_group.main.location
    account_tier             = "Standard"
    account_replication_type = "LRS"

    tags = {
        Environment = "prod"
    }
}
