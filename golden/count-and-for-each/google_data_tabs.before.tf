data "google_compute_zones" "available" {
	for_each = toset(["europe-west1", "us-east1"])
	count    = 1
	region   = each.key
}
