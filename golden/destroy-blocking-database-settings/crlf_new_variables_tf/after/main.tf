resource "aws_db_instance" "app" {
  identifier          = "app-db"
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  username            = "app"
  password            = random_password.db.result
  deletion_protection = var.deletion_protection
  skip_final_snapshot = var.skip_final_snapshot
}
