data "google_compute_instance" "web" {
    name = "web"
    zone = "europe-west1-b"
}

output "ip" {
    value = data.google_compute_instance.web.network_interface[0].network_ip
}
