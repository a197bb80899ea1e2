resource "aws_db_instance" "app" {
  identifier          = "${var.app_name}-db"
  engine              = "postgres"
  instance_class      = var.db_instance_class
  allocated_storage   = 20
  username            = "app"
  password            = random_password.db.result
  deletion_protection = var.deletion_protection
  skip_final_snapshot = var.skip_final_snapshot
}
