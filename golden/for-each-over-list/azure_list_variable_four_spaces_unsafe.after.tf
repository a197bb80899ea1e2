variable "subnet_names" {
    type = list(string)
}

variable "rules" {
    type = list(object({ name = string, port = number }))
}

resource "azurerm_subnet" "this" {
    for_each             = toset(var.subnet_names)
    name                 = each.key
    resource_group_name  = "rg"
    virtual_network_name = "vnet"
    address_prefixes     = ["10.0.1.0/24"]
}

resource "azurerm_network_security_rule" "this" {
    for_each = var.rules
    name     = each.value.name
}
