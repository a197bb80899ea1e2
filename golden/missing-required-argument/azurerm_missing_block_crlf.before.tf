resource "azurerm_linux_virtual_machine" "vm" {
  name                = "vm"
  resource_group_name = "rg"
  location            = "westeurope"
  size                = "Standard_B1s"
  admin_username      = "azureuser"
  network_interface_ids = []
}
