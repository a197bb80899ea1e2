terraform {
  backend "s3" {
    bucket = "acme-terraform-state"
    region = "us-east-1"
  }
}
