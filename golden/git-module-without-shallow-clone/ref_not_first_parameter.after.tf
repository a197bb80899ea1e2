module "a" {
  source = "git::https://example.com/a.git?sshkey=abc&depth=1&ref=v2.0.0"
}
