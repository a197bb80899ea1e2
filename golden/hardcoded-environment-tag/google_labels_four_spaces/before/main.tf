resource "google_storage_bucket" "assets" {
    name     = "acme-assets"
    location = "EU"

    labels = {
        environment = "staging"
        team        = "web"
    }
}
