terraform {
  required_version = ">= 1.7"
}

provider "aws" {
  region = "us-east-1"
}
