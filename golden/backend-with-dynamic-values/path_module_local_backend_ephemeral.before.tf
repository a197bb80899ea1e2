terraform {
  backend "local" {
    path = "${path.module}/state/terraform.tfstate"
  }
}
