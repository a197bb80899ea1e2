module "network" {
    source   = "Azure/network/azurerm"
    for_each = var.regions
    count    = 2

    resource_group_name = "rg"
}
