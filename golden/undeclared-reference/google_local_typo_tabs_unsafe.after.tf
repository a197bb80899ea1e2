locals {
	project_id = "acme-prod"
	region     = "europe-west1"
}

resource "google_compute_network" "vpc" {
	project                 = local.project_id
	name                    = "vpc-${local.region}"
	auto_create_subnetworks = false
}
