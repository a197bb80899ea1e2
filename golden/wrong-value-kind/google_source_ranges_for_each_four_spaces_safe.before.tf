resource "google_compute_firewall" "allow" {
    for_each      = toset(["ssh", "https"])
    name          = "allow-${each.key}"
    network       = "default"
    source_ranges = "10.0.0.0/8"

    allow {
        protocol = "tcp"
        ports    = "22"
    }
}
