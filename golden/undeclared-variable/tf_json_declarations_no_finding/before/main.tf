resource "google_storage_bucket" "data" {
  name     = var.bucket_name
  location = "EU"
}
