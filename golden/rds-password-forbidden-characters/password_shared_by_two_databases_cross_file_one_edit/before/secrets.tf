resource "random_password" "db" {
  length      = 24
  min_special = 2

  lifecycle {
    ignore_changes = [length]
  }
}
