resource "google_storage_bucket" "assets" {
    name          = "acme-assets-${var.environment_suffix}"
    location      = "EU"
    force_destroy = false
}
