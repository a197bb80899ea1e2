module "network" {
  source  = "./modules/network"
  version = "1.0.0"

  cidr = "10.0.0.0/16"
}
