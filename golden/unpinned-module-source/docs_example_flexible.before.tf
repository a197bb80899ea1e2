module "unpinned" {
  source = "git://example.com/consul.git"
}

module "default_git" {
  source = "git://example.com/consul.git?ref=master"
}

module "default_mercurial" {
  source = "hg::http://example.com/consul.hg?rev=default"
}

module "pinned_git" {
  source = "git://example.com/consul.git?ref=feature"
}
