module "bastion" {
  source = "./modules/bastion"
  count  = var.create_bastion ? 1 : 0
}

output "bastion_ip" {
  value = module.bastion.public_ip
}
