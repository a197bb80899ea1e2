terraform {
  backend "s3" {
    bucket = "acme-terraform-state"
    key    = "env/${terraform.workspace}/terraform.tfstate"
    region = "us-east-1"
  }
}
