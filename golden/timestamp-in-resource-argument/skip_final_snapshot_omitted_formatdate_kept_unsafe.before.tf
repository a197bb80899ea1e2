resource "aws_rds_cluster" "aurora" {
  cluster_identifier          = "app-aurora"
  engine                      = "aurora-postgresql"
  master_username             = "app"
  manage_master_user_password = true
  final_snapshot_identifier   = "app-aurora-final-${formatdate("YYYYMMDDhhmmss", timestamp())}"
}
