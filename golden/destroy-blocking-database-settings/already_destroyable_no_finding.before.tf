resource "aws_db_instance" "app" {
  identifier          = "app"
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  username            = "app"
  password            = random_password.db.result
  deletion_protection = false
  skip_final_snapshot = true
}

resource "aws_rds_cluster" "aurora" {
  cluster_identifier  = "app-aurora"
  engine              = "aurora-mysql"
  master_username     = "app"
  master_password     = random_password.db.result
  deletion_protection = var.environment == "prod"
  skip_final_snapshot = var.environment != "prod"
}
