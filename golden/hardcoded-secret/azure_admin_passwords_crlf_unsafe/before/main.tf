resource "azurerm_linux_virtual_machine" "web" {
  name                            = "web"
  size                            = "Standard_B2s"
  admin_username                  = "azureuser"
  admin_password                  = "Azur3-VM-Passw0rd"
  disable_password_authentication = false
}

resource "azurerm_mssql_server" "sql" {
  name                         = "sql"
  version                      = "12.0"
  administrator_login          = "sqladmin"
  administrator_login_password = "Sql-Adm1n-Secret"
}
