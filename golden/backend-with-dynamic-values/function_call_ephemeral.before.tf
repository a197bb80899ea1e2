terraform {
  backend "s3" {
    bucket = "acme-terraform-state"
    key    = format("%s/terraform.tfstate", "payments")
    region = "us-east-1"
  }
}
