module "unpinned" {
  source = "git://example.com/consul.git"
}

module "pinned_to_branch" {
  source = "git://example.com/consul.git?ref=feature"
}

module "pinned_to_version" {
  source = "git://example.com/consul.git?ref=v1.2.0"
}
