terraform {
  backend "s3" {
    bucket = "acme-terraform-state"
    key    = "app/terraform.tfstate"
    region = "us-east-1"
  }
}
