terraform {
  backend "s3" {
    bucket         = "acme-prod-terraform-state"
    key            = "network/terraform.tfstate"
    region         = "eu-central-1"
    encrypt        = true
    dynamodb_table = "acme-prod-terraform-locks"
  }
}
