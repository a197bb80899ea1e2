terraform {
  backend "gcs" {
    bucket = "tf-state-REPLACE_ME"
    prefix = "app"
  }
}

resource "google_storage_bucket" "data" {
  name     = "acme-data"
  location = "EU"
}
