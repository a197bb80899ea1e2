resource "azurerm_public_ip" "web" {
  name                = "pip-web"
  location            = "westeurope"
  resource_group_name = "rg-web"
  allocation_method   = "Static"
}

output "ip" {
  value = azurerm_public_ip.web.ip_address
}
