terraform {
  # backend "gcs" commented out by tffix (TFX103): it used values Terraform
  # cannot use there (variables, functions) or placeholders, so state is
  # local until it is restored. To restore it, uncomment the block, delete
  # the bucket argument from it, and run:
  #   terraform init -backend-config="bucket=VALUE"
  # backend "gcs" {
  #   bucket = "tf-state-REPLACE_ME"
  #   prefix = "app"
  # }
}

resource "google_storage_bucket" "data" {
  name     = "acme-data"
  location = "EU"
}
