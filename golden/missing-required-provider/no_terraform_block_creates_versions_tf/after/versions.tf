terraform {
  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
    random = {
      source = "hashicorp/random"
    }
    google = {
      source = "hashicorp/google"
    }
  }
}
