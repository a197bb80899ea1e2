resource "google_compute_network" "vpc" {
    for_each = toset(["a"])
    auto_create_subnetworks = false
}
