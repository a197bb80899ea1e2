resource "random_password" "db" {
  length = 24
  number = true
}
