locals {
  ami = lookup(var.amis, # per region
  var.region)
}
