resource "random_password" "master" {
  length  = 32
  special = true # May generate problematic characters
}

resource "aws_rds_cluster" "main" {
  cluster_identifier = "aurora-cluster"
  engine             = "aurora-postgresql"
  master_username    = "dbadmin"
  master_password    = random_password.master.result
}
