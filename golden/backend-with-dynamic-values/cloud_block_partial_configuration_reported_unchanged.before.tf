terraform {
  cloud {
    organization = var.org

    workspaces {
      name = "x"
    }
  }
}
