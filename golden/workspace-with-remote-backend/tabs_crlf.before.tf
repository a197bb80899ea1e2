terraform {
	required_version = "1.0.4"
	backend "remote" {}
}

locals {
	env = terraform.workspace
}
