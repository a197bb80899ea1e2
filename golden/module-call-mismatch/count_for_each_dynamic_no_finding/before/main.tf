module "bucket" {
  source   = "./modules/bucket"
  for_each = toset(["raw", "curated"])

  name = each.key
}

module "single" {
  count  = 1
  source = "./modules/bucket"

  name = "single"
}

resource "google_storage_bucket_iam_member" "read" {
  for_each = module.bucket
  bucket   = each.value.name
  role     = "roles/storage.objectViewer"
  member   = "user:${module.single[0].name}"
}

resource "google_compute_firewall" "fw" {
  name    = "fw"
  network = "default"

  dynamic "allow" {
    for_each = module.single[*].ports
    content {
      protocol = "tcp"
      ports    = allow.value
    }
  }
}

output "names" {
  value = [for b in module.bucket : b.name]
}
