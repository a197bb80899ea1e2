data "google_compute_vm" "web" {
    name = "web"
    zone = "europe-west1-b"
}

output "ip" {
    value = data.google_compute_vm.web.network_interface[0].network_ip
}
