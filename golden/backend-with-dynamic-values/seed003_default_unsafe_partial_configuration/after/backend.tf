terraform {
  backend "s3" {
    key     = "document-processing/terraform.tfstate"
    region  = "us-east-1"
    encrypt = true
  }
}
