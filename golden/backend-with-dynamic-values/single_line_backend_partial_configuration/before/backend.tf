terraform {
  backend "local" { path = "state/${var.env}.tfstate" }
}
