resource "azurerm_resource_group" "main" {
	name     = var.main_name
	location = "westeurope"
}

provider "google" {
	project = var.project
	region  = "europe-west1"
}

resource "google_storage_bucket" "data" {
	name     = var.data_name
	location = "EU"
}
