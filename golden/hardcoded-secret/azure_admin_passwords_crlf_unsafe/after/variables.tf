variable "web_admin_password" {
  description = "admin_password of azurerm_linux_virtual_machine.web (a secret: pass it in, never commit it)."
  type        = string
  sensitive   = true
}

variable "sql_administrator_login_password" {
  description = "administrator_login_password of azurerm_mssql_server.sql (a secret: pass it in, never commit it)."
  type        = string
  sensitive   = true
}
