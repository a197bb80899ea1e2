module "a" {
  source = "git::https://example.com/a.git?depth=10&ref=v2.0.0"
}
