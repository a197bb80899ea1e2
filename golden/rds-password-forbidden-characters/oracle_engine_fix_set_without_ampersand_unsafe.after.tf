resource "random_password" "oracle" {
  length           = 24
  override_special = "!#$%*()-_=+[]{}<>:?"
}

resource "aws_db_instance" "oracle" {
  identifier        = "app-oracle"
  engine            = "oracle-se2"
  license_model     = "license-included"
  instance_class    = "db.t3.medium"
  allocated_storage = 20
  username          = "admin"
  password          = random_password.oracle.result
}
