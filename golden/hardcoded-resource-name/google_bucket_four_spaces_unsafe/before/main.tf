resource "google_storage_bucket" "assets" {
    name          = "acme-assets"
    location      = "EU"
    force_destroy = false
}
