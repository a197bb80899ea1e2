resource "google_storage_bucket" "data" {
	for_each = [
		{ name = "raw", location = "EU" },
		{ name = "curated", location = "US" },
	]
	name     = each.value.name
	location = each.value.location
}

resource "google_compute_address" "nat" {
	for_each = google_compute_subnetwork.private[*].name
	name     = "nat-${each.key}"
}
