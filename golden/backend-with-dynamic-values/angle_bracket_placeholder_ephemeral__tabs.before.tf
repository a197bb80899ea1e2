terraform {
	backend "s3" {
		bucket = "<bucket-name>"
		key    = "app/terraform.tfstate"
		region = "us-east-1"
	}
}
