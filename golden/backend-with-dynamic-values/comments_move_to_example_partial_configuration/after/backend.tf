terraform {
  # Remote state, one bucket per environment.
  backend "s3" {
    key = "app/terraform.tfstate"

    region = "eu-west-1" // Ireland
  }
}
