module "consul" {
  source = "git::ssh://git@github.com/hashicorp/consul.git?depth=1&ref=v1.0.0"
}
