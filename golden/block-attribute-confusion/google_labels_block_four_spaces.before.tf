resource "google_storage_bucket" "b" {
    for_each = toset(["a"])
    name     = each.key
    location = "EU"

    labels {
        team = "data"
    }
}
