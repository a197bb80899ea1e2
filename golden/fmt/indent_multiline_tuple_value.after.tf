module "net" {
  source = "./net"
  cidrs = [
    "10.0.0.0/24",
    "10.0.1.0/24",
  ]
}
