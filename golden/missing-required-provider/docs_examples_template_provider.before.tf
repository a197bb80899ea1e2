provider "template" {
  version = "2"
}

terraform {
  required_providers {
    template = {
      version = "~> 2"
    }
  }
}
