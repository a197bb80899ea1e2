resource "azurerm_resource_group" "env" {
    for_each = toset(["dev", "prod"])
    name     = "rg-${each.key}"
    location = "westeurope"
}

output "rg_id" {
    value = azurerm_resource_group.env.id
}
