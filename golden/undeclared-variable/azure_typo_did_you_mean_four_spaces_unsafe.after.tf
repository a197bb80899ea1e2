variable "location" {
    type    = string
    default = "westeurope"
}

resource "azurerm_resource_group" "main" {
    name     = "rg-app"
    location = var.location
}
