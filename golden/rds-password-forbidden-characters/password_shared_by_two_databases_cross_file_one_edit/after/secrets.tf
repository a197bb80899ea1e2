resource "random_password" "db" {
  length           = 24
  min_special      = 2
  override_special = "!#$%&*()-_=+[]{}<>:?"

  lifecycle {
    ignore_changes = [length]
  }
}
