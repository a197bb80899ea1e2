module "consul" {
  source = "git::ssh://git@github.com/hashicorp/consul.git?ref=v1.0.0"
}
