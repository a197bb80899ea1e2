variable "create" {
  type    = bool
  default = true
}

resource "aws_rds_cluster" "main" {
  count = var.create ? 1 : 0

  cluster_identifier          = "app-aurora"
  engine                      = "aurora-postgresql"
  master_username             = "app"
  manage_master_user_password = true
  skip_final_snapshot         = true
}

resource "aws_rds_cluster_instance" "main" {
  count = var.create ? 1 : 0

  cluster_identifier = aws_rds_cluster.main[0].id
  instance_class     = "db.serverless"
  engine             = aws_rds_cluster.main[0].engine
}
