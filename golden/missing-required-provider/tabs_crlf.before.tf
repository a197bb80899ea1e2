terraform {
	required_version = ">= 1.5"
}

resource "random_id" "a" {
	byte_length = 8
}
