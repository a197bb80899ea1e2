resource "google_container_cluster" "gke" {
    for_each                    = toset(["a"])
    name                        = each.key
    enable_binary_authorization = true
}
