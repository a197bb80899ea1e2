variable "region" {
	type = string
}

variable "main_name" {
	description = "azurerm_resource_group.main name (the code held a placeholder)."
	type        = string
}

variable "project" {
	description = "provider.google project (the code held a placeholder)."
	type        = string
}

variable "data_name" {
	description = "google_storage_bucket.data name (the code held a placeholder)."
	type        = string
}
