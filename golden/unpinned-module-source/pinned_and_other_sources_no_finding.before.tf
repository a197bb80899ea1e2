module "tag" {
  source = "git::https://example.com/a.git?ref=v1.2.0"
}

module "commit" {
  source = "git::https://example.com/a.git?ref=51d462976d84fdea54b47d80dcabbf680badcdb8"
}

module "registry" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.0.0"
}

module "local" {
  source = "../shared"
}
