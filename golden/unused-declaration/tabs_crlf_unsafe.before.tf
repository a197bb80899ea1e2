variable "region" {
	type = string
}

variable "zone" {
	type = string
}

provider "aws" {
	region = var.region
}
