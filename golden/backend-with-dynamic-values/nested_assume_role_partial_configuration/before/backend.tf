terraform {
  backend "s3" {
    bucket = "acme-terraform-state"
    key    = "app/terraform.tfstate"
    region = "us-east-1"

    assume_role {
      role_arn     = var.state_role_arn
      session_name = "terraform"
    }
  }
}
