# AMI ids are AWS's: Azure image references and Google images are not reported
resource "azurerm_linux_virtual_machine" "vm" {
    name                = "vm"
    resource_group_name = "rg"
    location            = "westeurope"
    size                = "Standard_B2s"
    source_image_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/images/ami-0abc1234def567890"

    source_image_reference {
        publisher = "Canonical"
        offer     = "0001-com-ubuntu-server-jammy"
        sku       = "22_04-lts"
        version   = "latest"
    }
}

resource "google_compute_instance" "vm" {
    name         = "vm"
    machine_type = "e2-small"
    zone         = "europe-west1-b"

    boot_disk {
        initialize_params {
            image = "debian-cloud/debian-12"
        }
    }
}
