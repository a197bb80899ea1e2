resource "azurerm_sql_server" "main" {
  name                = "sql-main"
  resource_group_name = "rg"
  location            = "westeurope"
}

output "id" {
  value = azurerm_sql_server.main.id
}
