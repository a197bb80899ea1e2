resource "azurerm_linux_virtual_machine" "web" {
  name                            = "web"
  size                            = "Standard_B2s"
  admin_username                  = "azureuser"
  admin_password                  = var.web_admin_password
  disable_password_authentication = false
}

resource "azurerm_mssql_server" "sql" {
  name                         = "sql"
  version                      = "12.0"
  administrator_login          = "sqladmin"
  administrator_login_password = var.sql_administrator_login_password
}
