module "by_commit" {
  source = "git::https://example.com/a.git?ref=51d462976d84fdea54b47d80dcabbf680badcdb8"
}

module "short_commit" {
  source = "git::https://example.com/a.git?ref=51d4629"
}

module "unpinned" {
  source = "git::https://example.com/a.git"
}

module "shallow" {
  source = "git::https://example.com/a.git?depth=1&ref=v1.0.0"
}

module "registry" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.1.0"
}

module "local" {
  source = "./modules/app"
}

module "archive" {
  source = "https://example.com/a.zip?ref=v1"
}
