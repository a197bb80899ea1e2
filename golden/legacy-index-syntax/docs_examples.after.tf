locals {
  zones      = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
  first_zone = local.zones[0]
}

locals {
  ports      = [{ number = 80 }, { number = 443 }]
  port_list  = local.ports[*].number
}
