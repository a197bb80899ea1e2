terraform {
  required_providers {
    # tflint-ignore: terraform_required_providers
    tls = {
      source = "hashicorp/tls"
    }
  }
}

resource "tls_private_key" "a" {
  algorithm = "ED25519"
}
