resource "azurerm_resource_group" "main" {
	name     = "<resource-group-name>"
	location = "westeurope"
}

provider "google" {
	project = "your-project-id"
	region  = "europe-west1"
}

resource "google_storage_bucket" "data" {
	name     = "REPLACE_ME"
	location = "EU"
}
