terraform {
  backend "s3" {
    bucket = "acme-replacement-parts-tfstate"
    key    = "exchange-messages/terraform.tfstate"
    region = "us-east-1"
  }
}
