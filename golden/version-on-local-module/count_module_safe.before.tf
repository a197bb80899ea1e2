module "dns" {
  count   = var.create ? 1 : 0
  source  = "../dns"
  version = "2.0.0"

  zone = "example.com"
}
