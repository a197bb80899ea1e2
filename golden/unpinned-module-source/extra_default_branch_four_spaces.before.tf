module "a" {
    source = "github.com/acme/a?ref=trunk"
}

module "b" {
    source = "git@github.com:acme/b.git?ref=v2.0.0"
}
