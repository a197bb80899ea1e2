resource "google_storage_bucket" "data" {
	for_each = [
		{ name = "raw", location = "EU" },
		{ name = "curated", location = "US" },
	]
	name     = each.value.name
	location = each.value.location
}
