resource "aws_rds_cluster" "aurora" {
  cluster_identifier  = "app-aurora"
  engine              = "aurora-postgresql"
  master_username     = "app"
  master_password     = random_password.db.result
  deletion_protection = true
  skip_final_snapshot = false
}
