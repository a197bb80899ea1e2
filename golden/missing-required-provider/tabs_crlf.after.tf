terraform {
	required_version = ">= 1.5"

	required_providers {
		random = {
			source = "hashicorp/random"
		}
	}
}

resource "random_id" "a" {
	byte_length = 8
}
