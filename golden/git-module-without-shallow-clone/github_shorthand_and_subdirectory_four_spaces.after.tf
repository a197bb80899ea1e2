module "vpc" {
    # network of the app
    source = "github.com/acme/infra//modules/vpc?depth=1&ref=release-2024"

    cidr = "10.0.0.0/16"
}

module "dns" {
    source = "git@github.com:acme/dns.git?depth=1&ref=v3.1.0" # ssh
}
