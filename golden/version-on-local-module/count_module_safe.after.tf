module "dns" {
  count  = var.create ? 1 : 0
  source = "../dns"

  zone = "example.com"
}
