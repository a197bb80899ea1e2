resource "google_compute_instance" "vm" {
	for_each     = toset(["a", "b"])
	name         = "vm-${each.key}"
	machine_type = "e2-small"

	boot_disk {
	}

	network_interface {
	}
}

data "google_compute_network" "default" {
	name = "default"
}

output "ips" {
	value = {
		for k, vm in google_compute_instance.vm : k => vm.network_interface[0].network_ip
	}
}

output "link" {
	value = google_compute_instance.vm["a"].self_lnk
}

output "gateway" {
	value = data.google_compute_network.default.gateway
}
