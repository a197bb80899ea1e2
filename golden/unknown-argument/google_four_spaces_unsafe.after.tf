resource "google_storage_bucket" "b" {
    for_each = toset(["a", "b"])
    name     = each.key
    location = "EU"
}
