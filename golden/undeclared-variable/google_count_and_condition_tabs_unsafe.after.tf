variable "project_id" {
	type = string
}

resource "google_compute_instance" "vm" {
	count        = var.instance_count
	project      = var.project_id
	name         = "vm-${count.index}"
	machine_type = "e2-small"
	zone         = "europe-west1-b"

	network_interface {
		network = "default"

		dynamic "access_config" {
			for_each = var.public_ip ? [1] : []
			content {
				nat_ip = null
			}
		}
	}
}

variable "instance_count" {
	type = number
}

variable "public_ip" {
	type = bool
}
