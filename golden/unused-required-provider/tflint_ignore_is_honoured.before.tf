terraform {
  required_providers {
    # tflint-ignore: terraform_unused_required_providers
    null = {
      source = "hashicorp/null"
    }
    local = {
      source = "hashicorp/local"
    }
  }
}
