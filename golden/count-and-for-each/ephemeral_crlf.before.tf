ephemeral "random_password" "db" {
  count    = 1
  for_each = toset(["a"])
  length   = 16
}
