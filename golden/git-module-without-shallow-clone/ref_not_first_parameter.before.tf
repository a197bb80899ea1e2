module "a" {
  source = "git::https://example.com/a.git?sshkey=abc&ref=v2.0.0"
}
