resource "aws_rds_cluster" "aurora" {
  cluster_identifier        = "app-aurora"
  engine                    = "aurora-postgresql"
  engine_version            = "15.4"
  master_username           = "app"
  master_password           = random_password.db.result
  deletion_protection       = false
  skip_final_snapshot       = true
  final_snapshot_identifier = "app-aurora-final"
}

resource "aws_rds_cluster_instance" "aurora" {
  count              = 2
  identifier         = "app-aurora-${count.index}"
  cluster_identifier = aws_rds_cluster.aurora.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.aurora.engine
}
