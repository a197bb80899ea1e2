module "network" {
  source = "./modules/network"

  vpc_cidr = "10.0.0.0/16"
  name     = "core"
}

resource "aws_instance" "app" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"
  subnet_id     = module.network.subnet_ids[0]
}

output "vpc" {
  value = module.network.vpc_id
}
