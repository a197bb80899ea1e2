resource "aws_rds_cluster" "aurora" {
  cluster_identifier  = "app-aurora"
  engine              = "aurora-postgresql"
  master_username     = "app"
  master_password     = random_password.db.result
  deletion_protection = var.deletion_protection
  skip_final_snapshot = var.skip_final_snapshot
}
