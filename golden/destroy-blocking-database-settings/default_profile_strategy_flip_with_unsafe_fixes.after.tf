resource "aws_rds_cluster" "aurora" {
  cluster_identifier  = "app-aurora"
  engine              = "aurora-mysql"
  master_username     = "app"
  master_password     = random_password.db.result
  deletion_protection = false
  skip_final_snapshot = true
}
