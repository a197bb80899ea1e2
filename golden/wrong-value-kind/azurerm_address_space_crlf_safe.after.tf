resource "azurerm_virtual_network" "main" {
  name                = "vnet-main"
  location            = "westeurope"
  resource_group_name = "rg-main"
  address_space       = ["10.0.0.0/16"]
}
