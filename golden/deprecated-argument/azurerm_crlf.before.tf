resource "azurerm_storage_account" "sa" {
  name                      = "sa"
  enable_https_traffic_only = true
}
